"""The four roles as groups, with what each may do.

Members and Specialists have no admin access (what they may do on the site is
decided in code from their group or verified profile). Moderators reach the
admin to moderate member content and verify specialists. Editors edit pages,
images, documents and topics. Neither may manage users or groups, so neither
can grant themselves more."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("django_comments", "can_moderate"),
    ("django_comments_xtd", "change_xtdcomment"),
    ("django_comments_xtd", "view_xtdcomment"),
]
EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("core", "add_topic"),
    ("core", "change_topic"),
    ("core", "delete_topic"),
    ("core", "view_topic"),
    ("core", "change_sitesettings"),
]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def ensure_permissions(apps):
    # Permissions are normally made after all migrations; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_roles(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    for name in ("Members", "Specialists"):
        Group.objects.get_or_create(name=name)

    # Wagtail's own first migrations made "Moderators" and "Editors" groups
    # with page and image rights; moderators here work on member content only.
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    moderators.permissions.set([permission(*p) for p in MODERATOR_PERMISSIONS])
    GroupPagePermission.objects.filter(group=moderators).delete()
    GroupCollectionPermission.objects.filter(group=moderators).delete()

    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*[permission(*p) for p in EDITOR_PERMISSIONS])
    root_page = Page.objects.filter(depth=1).first()
    if root_page:
        for codename in EDITOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=editors, page=root_page, permission=permission("wagtailcore", codename)
            )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection:
        for app_label, codename in EDITOR_COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=editors, collection=root_collection, permission=permission(app_label, codename)
            )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["Members", "Specialists", "Moderators", "Editors"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_preferences_and_consent"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("django_comments", "0004_add_object_pk_is_removed_index"),
        ("django_comments_xtd", "0008_auto_20200920_2037"),
        ("core", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
