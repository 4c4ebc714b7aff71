from django.urls import path

from mentoring.views import consents, curator, documents, pairs, personal, programme, results

urlpatterns = [
    path("my/", personal.my_dashboard, name="my_dashboard"),
    path("my/consent/", personal.update_consent, name="update_consent"),
    path("my/mentees/", personal.my_mentees, name="my_mentees"),
    path("my/pairs/", pairs.my_pairs, name="my_pairs"),
    path("my/pairs/<id:pk>/", pairs.pair_detail, name="pair_detail"),
    path("my/pairs/<id:pk>/topics/", pairs.topic_request, name="topic_request"),
    path("my/pairs/<id:pk>/meetings/new/", pairs.meeting_new, name="meeting_new"),
    path("my/pairs/<id:pk>/issue/", pairs.issue_new, name="issue_new"),
    path("my/pairs/<id:pk>/agreement/", documents.agreement, name="pair_agreement"),
    path("my/pairs/<id:pk>/agreement/edit/", documents.agreement_edit, name="pair_agreement_edit"),
    path(
        "my/pairs/<id:pk>/agreement/accept/",
        documents.agreement_accept,
        name="pair_agreement_accept",
    ),
    path(
        "my/pairs/<id:pk>/agreement/<id:version>/pdf/",
        documents.agreement_pdf,
        name="pair_agreement_pdf",
    ),
    path("my/pairs/<id:pk>/addendum/pdf/", documents.addendum_pdf, name="pair_addendum_pdf"),
    path("my/pairs/<id:pk>/end/", documents.pair_end, name="pair_end"),
    path("my/consents/", consents.my_consents, name="my_consents"),
    path("my/consents/change/", consents.consent_change, name="consent_change"),
    path("my/consents/<id:record_id>/pdf/", consents.consent_pdf, name="consent_pdf"),
    path("my/meetings/<id:pk>/", pairs.meeting_detail, name="meeting_detail"),
    path("my/issues/", pairs.my_issues, name="my_issues"),
    path("curator/", curator.desk, name="curator_desk"),
    path("curator/pairs/<id:pk>/", curator.curator_pair, name="curator_pair"),
    path("curator/issues/<id:pk>/", curator.curator_issue, name="curator_issue"),
    path("programme/nominate/", programme.nominate, name="nominate"),
    path("programme/ideas/", programme.ideas, name="ideas"),
    path("programme/results/", results.results, name="programme_results"),
    path("programme/results.xlsx", results.results_xlsx, name="programme_results_xlsx"),
]
