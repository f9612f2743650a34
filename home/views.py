from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from accounts.roles import has_verified_email

from .forms import ContactForm
from .services import ContactLimitReached, contact_message_send


def contact_page_serve(request, page):
    """GET shows the form (or, to visitors, a sentence asking them to log in);
    POST goes through the form and the service, then redirects (PRG)."""
    context = page.get_context(request)
    user = request.user
    can_write = user.is_authenticated and has_verified_email(user)
    form = None
    status = 200
    if can_write:
        form = ContactForm(request.POST if request.method == "POST" else None)
        if request.method == "POST":
            if form.is_valid():
                try:
                    contact_message_send(user=user, **form.cleaned_data)
                except ContactLimitReached as error:
                    form.add_error("message", error.message)
                else:
                    messages.success(request, page.thank_you_text)
                    return redirect(page.url)
            status = 400
    elif request.method == "POST":
        status = 403
    context.update(form=form, can_write=can_write)
    return TemplateResponse(request, page.get_template(request), context, status=status)
