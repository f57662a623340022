"""``{% signing_panel act request.user %}``: the electronic signatures of an act registered with
the signing kernel (documents.signing.register_signable), for the act's page."""

from django import template

from documents import signing
from documents.models import SignedAct

register = template.Library()


@register.inclusion_tag("documents/signing/_panel.html")
def signing_panel(act, user):
    label = act._meta.label_lower
    entry = signing.signable(label)
    if entry is None or not entry.viewable(user, act):
        return {"rows": [], "hidden": True}
    record = SignedAct.objects.filter(act_label=label, act_id=act.pk).first()
    events = {}
    if record is not None:
        for event in record.events.select_related("user"):
            events[event.party_key] = event
    closed = entry.refusal(act)
    rows = [
        {
            "party": party,
            "event": events.get(party.key),
            "may_sign": not closed
            and not party.signed
            and party.key not in events
            and entry.may_sign(user, act, party.key),
        }
        for party in entry.parties_of(act)
    ]
    return {"act": act, "label": label, "rows": rows, "record": record, "closed": closed}
