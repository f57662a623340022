from celery import shared_task


@shared_task
def daily_milestones():
    """Daily (Celery beat): the obligations of every running label, then the reminders of the
    milestones coming up, each sent once."""
    from .planning import send_milestone_reminders
    from .services.decisions import sync_all_obligations

    return {"obligations": sync_all_obligations(), "reminders": send_milestone_reminders()}
