from django.urls import path

from growth import views

urlpatterns = [
    path("my/growth/", views.my_growth, name="my_growth"),
    path("my/growth/<id:competency_id>/assess/", views.self_assess, name="growth_self_assess"),
    path("growth/mentors/", views.mentors, name="growth_mentors"),
    path("growth/mentors/<id:participant_id>/", views.mentor_growth, name="growth_mentor"),
]
