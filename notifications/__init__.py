"""E-mails, written once for every domain: each is sent at most once, by a Celery task, after
the transaction that decided it has committed.

The exactly-once protocol (`delivery.deliver_once`), for a reminder row of a domain (a
convention's deadline, a grant's lapse, a follow-up sheet's D-7…) as for an event notification
(`Notification`: an invitation, a sheet submitted…):

1. the row is written first, in a transaction of its own, under a unique key (the domain's
   constraint, or `Notification.key`): a second run, a second delivery of the task, a second
   worker cannot write another;
2. in a second transaction that locks the row (SELECT … FOR UPDATE SKIP LOCKED on PostgreSQL)
   the e-mail is sent and `sent_at` set. A run that finds the row locked skips it (another
   worker is sending it); one that finds it unlocked without `sent_at` (the worker died, or
   SMTP failed, before the commit) sends it: a crash is retried, never duplicated. The one
   window left is a crash after the SMTP server accepted the message and before the commit:
   that e-mail goes out twice (e-mail is not transactional; at-least-once is the right side
   to err on for a deadline).

Event notifications are queued with `queue(kind, about, **params)` from inside the transaction
that decides them (never sent inside a request); the task asks the composer registered for
`kind` (`register(kind, composer)`, in an AppConfig.ready()) what to send — `composer(about,
**params)` returns an `Outgoing` (key and message) or None when there is nothing to say any
more — and delivers it once. Unsent notifications are retried by `sweep_unsent` (beat).
"""
