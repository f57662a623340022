from django.urls import path

from core.page_cache import cached_view

from . import views

app_name = "audit"

urlpatterns = [path("", cached_view(views.entry_list), name="list")]
