from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth.models import Group

from .roles import MEMBERS
from .services import consent_record


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.display_name = form.cleaned_data["display_name"]
        if commit:
            user.save()
            consent_record(user=user)
            members, _ = Group.objects.get_or_create(name=MEMBERS)
            user.groups.add(members)
        return user
