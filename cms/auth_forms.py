"""Password forms of the site: Django's, with the rules as plain text under the field."""

from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation


def _plain_help():
    return " ".join(str(text) for text in password_validation.password_validators_help_texts())


class SetPasswordForm(auth_forms.SetPasswordForm):
    """Setting a password from an invitation or a reset link."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = _plain_help()
        for name in ("new_password1", "new_password2"):
            self.fields[name].widget.attrs["autocomplete"] = "new-password"


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Asking for a reset link: the same answer whether or not the address is known."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
