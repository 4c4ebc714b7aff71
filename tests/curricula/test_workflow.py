"""«Проверка HR»: an HR editor's change stays a draft until an HR admin approves it."""

import pytest

from django.urls import reverse

from wagtail.models import Workflow, WorkflowState

from curricula.models import TrackPage
from tests.curricula import factories


@pytest.fixture
def track(db):
    page, _modules = factories.build_track()
    return page


def test_workflow_created_by_migration_covers_all_content(db, track):
    workflow = Workflow.objects.get(name="Проверка HR")
    task = workflow.tasks.get().specific
    assert [g.name for g in task.groups.all()] == ["HR-администраторы"]
    pages = [
        track,
        track.get_children().first(),
        factories.build_material(),
        factories.build_curriculum(),
        factories.tool(),
    ]
    for page in pages:
        assert page.get_workflow() == workflow, page


def test_hr_editor_change_is_not_live_until_hr_admin_approves(client, track, hr_editor, hr_admin):
    workflow = Workflow.objects.get(name="Проверка HR")
    assert not track.permissions_for_user(hr_editor.user).can_publish()
    assert track.permissions_for_user(hr_admin.user).can_publish()

    draft = TrackPage.objects.get(pk=track.pk)
    draft.goal = "Новая цель трека от методиста"
    revision = draft.save_revision(user=hr_editor.user)
    state = workflow.start(draft, hr_editor.user)

    def live_goal():
        return TrackPage.objects.get(pk=track.pk).goal

    assert live_goal() == "Научиться вести встречу."
    client.force_login(hr_editor.user)
    assert "Новая цель трека" not in client.get(track.url).content.decode()

    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task_state = state.current_task_state
    assert task_state.task.specific.get_actions(track, hr_editor.user) == []

    # the HR admin approves through the admin view, as in the Wagtail interface
    client.force_login(hr_admin.user)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[track.pk, "approve", task_state.pk]),
        {"comment": "Согласовано"},
    )
    assert response.status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert live_goal() == "Новая цель трека от методиста"
    assert TrackPage.objects.get(pk=track.pk).live_revision_id == revision.pk


def test_hr_admin_can_reject(track, hr_editor, hr_admin):
    workflow = Workflow.objects.get(name="Проверка HR")
    draft = TrackPage.objects.get(pk=track.pk)
    draft.title = "Черновик"
    draft.save_revision(user=hr_editor.user)
    state = workflow.start(draft, hr_editor.user)
    state.current_task_state.task.specific.on_action(
        state.current_task_state, hr_admin.user, "reject"
    )
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert TrackPage.objects.get(pk=track.pk).title == "Основы фасилитации"


def test_hr_editor_submits_through_the_admin_and_edits_every_content_type(
    client, track, hr_editor, hr_admin
):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    module = track.get_children().first()
    material = factories.build_material(tags=["встреча"])
    curriculum = factories.build_curriculum()
    client.force_login(hr_editor.user)
    for page in (track, module, material, curriculum, factories.library()):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, page
    data = nested_form_data(
        {
            "title": track.title,
            "slug": track.slug,
            "audience": "mentor",
            "intro": track.intro,
            "goal": "Цель после правки в админке",
            "outcomes": track.outcomes,
            "comments": inline_formset([]),
            "action-submit": "Отправить",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[track.pk]), data)
    assert response.status_code == 302
    track.refresh_from_db()
    assert track.goal == "Научиться вести встречу."  # live content unchanged
    assert track.get_latest_revision_as_object().goal == "Цель после правки в админке"
    state = WorkflowState.objects.get(object_id=str(track.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Проверка HR"
