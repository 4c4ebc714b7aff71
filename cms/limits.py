"""How long free text may be, wherever it is typed: the same figure on the model (so an
admin form, an import and an API respect it) and on the site's forms (the Russian message
of Django's length validator). Every text that reaches a PDF or a spreadsheet has one, so
no record can make a document too long to print (see also :mod:`cms.pdf`)."""

# A topic, a short reason.
SHORT_TEXT = 1000
# An introduction, a goal, a comment, a reason, feedback.
TEXT = 2000
# Evidence of a level.
EVIDENCE = 4000
# A description of an issue, an idea, a nomination statement, a note on an issue.
LONG_TEXT = 5000
# A mentor's notes: private notes of a meeting, the notes of a session plan.
NOTES = 10_000
# The rules of the programme printed in an agreement.
DOCUMENT = 20_000
