from django.urls import path

from skills import views

urlpatterns = [
    path("my/skills/", views.my_skills, name="my_skills"),
    path("my/skills/<id:tool_id>/assess/", views.self_assess, name="skills_self_assess"),
    path("my/skills/<id:tool_id>/goal/", views.set_goal, name="skills_set_goal"),
    path("skills/people/", views.people, name="skills_people"),
    path("skills/people/<id:participant_id>/", views.person_skills, name="skills_person"),
    path("skills/evidence/<id:event_id>/", views.evidence_file, name="skills_evidence"),
    path("skills/matrix/", views.skills_matrix, name="skills_matrix"),
    path("skills/matrix.csv", views.matrix_csv, name="skills_matrix_csv"),
    path("skills/matrix.xlsx", views.matrix_xlsx, name="skills_matrix_xlsx"),
]
