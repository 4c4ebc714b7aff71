"""What tracks and plans add to the programme's pages (the `/my/` section, HR results)."""

from wagtail import hooks

from curricula import personal_data
from curricula.dashboard import tracks_section
from curricula.results import track_progress
from mentoring.dashboard import DASHBOARD_SECTION_HOOK
from mentoring.personal_data import PERSONAL_DATA_HOOK
from mentoring.results import RESULTS_HOOK

hooks.register(DASHBOARD_SECTION_HOOK, tracks_section)
hooks.register(RESULTS_HOOK, track_progress)
hooks.register(PERSONAL_DATA_HOOK, personal_data.sections)
