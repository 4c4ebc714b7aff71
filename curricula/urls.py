from django.urls import path

from curricula import views

urlpatterns = [
    path("my/plans/", views.plan_list, name="plan_list"),
    path("my/plans/new/", views.plan_create, name="plan_create"),
    path("my/plans/add/", views.plan_add_material, name="plan_add_material"),
    path("my/plans/<id:pk>/", views.plan_detail, name="plan_detail"),
    path("my/plans/<id:pk>/delete/", views.plan_delete, name="plan_delete"),
    path("my/plans/<id:pk>/pdf/", views.plan_pdf, name="plan_pdf"),
    path("my/plans/<id:pk>/items/<id:item_pk>/move/", views.plan_item_move, name="plan_item_move"),
    path(
        "my/plans/<id:pk>/items/<id:item_pk>/remove/",
        views.plan_item_remove,
        name="plan_item_remove",
    ),
]
