"""Session plans under `/my/plans/`: private to the mentor, read-only for the pair's mentee.

Every view asks :mod:`curricula.plans` (which applies :mod:`mentoring.access`); anything
the reader may not see is a 404, guessed ids included.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.once import submit_once
from cms.params import db_id
from cms.pdf import render_pdf
from cms.redirects import redirect_to_next
from curricula import plans
from curricula.forms import ItemFormSet, SessionPlanForm
from curricula.models import MaterialPage, SessionPlan
from mentoring import access


def _items(plan):
    return list(plan.items.select_related("material").order_by("order", "pk"))


def _require_mentor(request):
    if not plans.is_mentor(request.user):
        raise Http404
    return access.participant_of(request.user)


def plan_list(request):
    """`/my/plans/`: the mentor's plans and the plans shared with a mentee."""
    me = access.participant_of(request.user)
    visible = list(plans.visible_plans(request.user))
    own = [p for p in visible if me and p.mentor_id == me.pk]
    shared = [p for p in visible if not me or p.mentor_id != me.pk]
    return render(
        request,
        "curricula/plans/list.html",
        {"own_plans": own, "shared_plans": shared, "can_create": plans.is_mentor(request.user)},
    )


@submit_once
def plan_create(request):
    """A new plan; with ``?material=<id>`` it starts with that material."""
    me = _require_mentor(request)
    material = None
    material_id = db_id(request.GET.get("material") or request.POST.get("material"))
    if material_id is not None:
        material = MaterialPage.objects.live().filter(pk=material_id).first()
    form = SessionPlanForm(request.POST or None, mentor=me)
    if request.method == "POST" and form.is_valid():
        plan = form.save(commit=False)
        plan.mentor = me
        plan.save()
        if material is not None:
            plans.add_material(plan, material)
        messages.success(request, _("The plan is created."))
        return redirect("plan_detail", pk=plan.pk)
    return render(request, "curricula/plans/form.html", {"form": form, "material": material})


def plan_detail(request, pk):
    """The plan: editable by its mentor (details, minutes), read-only for the pair's mentee."""
    plan = plans.get_plan_or_404(request.user, pk)
    can_edit = access.is_own_record(request.user, plan.mentor_id)
    items = _items(plan)
    form = formset = None
    if can_edit:
        me = access.participant_of(request.user)
        form = SessionPlanForm(request.POST or None, instance=plan, mentor=me)
        formset = ItemFormSet(
            request.POST or None, queryset=plan.items.order_by("order", "pk"), prefix="items"
        )
        if request.method == "POST":
            if form.is_valid() and formset.is_valid():
                form.save()
                formset.save()
                messages.success(request, _("The plan is saved."))
                return redirect("plan_detail", pk=plan.pk)
            messages.error(request, _("Please correct the errors below."))
        rows = list(zip(items, formset.forms, strict=False))
    else:
        if request.method == "POST":
            raise Http404
        rows = [(item, None) for item in items]
    return render(
        request,
        "curricula/plans/detail.html",
        {
            "plan": plan,
            "rows": rows,
            "total_minutes": sum(i.minutes for i in items),
            "form": form,
            "formset": formset,
            "can_edit": can_edit,
        },
    )


@require_POST
@submit_once
def plan_add_material(request):
    """The «add to plan» button of a material page and of the library listing."""
    me = _require_mentor(request)
    material_id = db_id(request.POST.get("material"))
    if material_id is None:
        raise Http404
    material = get_object_or_404(MaterialPage.objects.live(), pk=material_id)
    plan_id = request.POST.get("plan", "")
    if plan_id in ("", "new"):
        return redirect(f"{reverse('plan_create')}?material={material.pk}")
    if db_id(plan_id) is None:
        raise Http404
    plan = get_object_or_404(SessionPlan, pk=plan_id, mentor=me)
    plans.add_material(plan, material)
    messages.success(
        request,
        _("«%(material)s» is added to the plan «%(plan)s».")
        % {"material": material.title, "plan": plan.title},
    )
    return redirect_to_next(request, reverse("plan_detail", kwargs={"pk": plan.pk}))


@require_POST
def plan_item_move(request, pk, item_pk):
    plan = plans.get_plan_or_404(request.user, pk, edit=True)
    plans.move_item(plan, item_pk, "up" if request.POST.get("direction") == "up" else "down")
    return redirect("plan_detail", pk=plan.pk)


@require_POST
def plan_item_remove(request, pk, item_pk):
    plan = plans.get_plan_or_404(request.user, pk, edit=True)
    item = get_object_or_404(plan.items, pk=item_pk)
    item.delete()
    messages.success(request, _("The material is removed from the plan."))
    return redirect("plan_detail", pk=plan.pk)


@require_POST
def plan_delete(request, pk):
    plan = plans.get_plan_or_404(request.user, pk, edit=True)
    plan.delete()
    messages.success(request, _("The plan is deleted."))
    return redirect("plan_list")


def plan_pdf(request, pk):
    """The printable plan for the meeting, for the mentor and the pair's mentee."""
    plan = plans.get_plan_or_404(request.user, pk)
    items = _items(plan)
    return render_pdf(
        request,
        "curricula/pdf/plan.html",
        {"plan": plan, "items": items, "total_minutes": sum(i.minutes for i in items)},
        plan.title,
    )
