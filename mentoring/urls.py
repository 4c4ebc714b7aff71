from django.urls import path

from mentoring import views

urlpatterns = [
    path("my/", views.my_dashboard, name="my_dashboard"),
    path("my/consent/", views.update_consent, name="update_consent"),
    path("my/mentees/", views.my_mentees, name="my_mentees"),
]
