"""Run background tasks: django-tasks-db's db_worker with core.worker's
heartbeat, requeueing of dead workers' tasks, one transaction per task and
reconnection after a database restart. db_worker's options, less --reload.

    manage.py run_tasks --no-startup-delay
"""

from django_tasks_db.management.commands import db_worker

from core.worker import SafeWorker


class Command(db_worker.Command):
    help = "Run the background task worker (db_worker, safe to kill and to outlive a database restart)."

    def handle(self, *, verbosity, queue_name, interval, batch, backend_name, startup_delay, max_tasks, worker_id, **_):
        self.configure_logging(verbosity)
        worker = SafeWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
        )
        worker.configure_signals()
        worker.run()
