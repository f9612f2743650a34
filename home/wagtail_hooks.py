"""What a member's export and erasure cover in the home app (accounts.member_data)."""

from wagtail import hooks

from accounts.member_data import MemberData


@hooks.register("register_member_data")
def home_member_data():
    # Contact messages go with the account (CASCADE): nothing more to erase.
    return MemberData(fields=("home.contactmessage.user",))
