"""What the benchmark measures: named pages loaded by the role that uses them."""

from bench.measure import measure_page


def shell_pages(data):
    """The pages of the site shell, with the large data set behind them."""
    curator = data["curator"].user
    mentor = data["mentor"].user
    mentee = data["mentee"].user
    return {
        "login": measure_page(None, "/login/"),
        "home_mentee": measure_page(mentee, "/"),
        "my_dashboard_mentee": measure_page(mentee, "/my/"),
        "my_dashboard_curator": measure_page(curator, "/my/"),
        "my_mentees_mentor": measure_page(mentor, "/my/mentees/"),
        "my_mentees_curator": measure_page(curator, "/my/mentees/"),
    }


def content_pages(data):
    """Tracks, the library (topped up to 200 materials) and their PDFs."""
    from curricula.models import LibraryIndexPage, TrackPage

    mentor = data["mentor"].user
    mentee = data["mentee"].user
    track = max(TrackPage.objects.live(), key=lambda t: t.get_children().count())
    library = LibraryIndexPage.objects.first().url
    figures = {
        "library_mentor": measure_page(mentor, library),
        "library_filtered_mentor": measure_page(mentor, library + "?kind=exercise&audience=mentor"),
        "track_page_mentee": measure_page(mentee, track.url),
        "track_pdf": measure_page(mentee, track.url + "pdf/", repeat=2),
    }
    figures["track_pdf"]["title"] = track.title
    return figures


def skills_pages(data):
    """The catalogue, a tool page, personal skills and the matrix with its exports."""
    from skills.models import ToolIndexPage, ToolPage

    curator = data["curator"].user
    mentee = data["mentee"].user
    hr = data["hr"].user
    tool = ToolPage.objects.live().order_by("pk").first()
    return {
        "tool_catalogue_mentee": measure_page(mentee, ToolIndexPage.objects.first().url),
        "tool_page_mentee": measure_page(mentee, tool.url),
        "tool_card_pdf": measure_page(mentee, tool.url + "pdf/", repeat=2),
        "my_skills_mentee": measure_page(mentee, "/my/skills/"),
        "skills_person_curator": measure_page(curator, f"/skills/people/{data['mentee'].pk}/"),
        "matrix_curator": measure_page(curator, "/skills/matrix/"),
        "matrix_hr": measure_page(hr, "/skills/matrix/"),
        "matrix_csv_hr": measure_page(hr, "/skills/matrix.csv", repeat=2),
        "matrix_xlsx_hr": measure_page(hr, "/skills/matrix.xlsx", repeat=2),
    }


def programme_pages(data):
    """The curator's desk and the HR dashboard over a thousand pairs."""
    curator = data["curator"].user
    hr = data["hr"].user
    return {
        "curator_desk": measure_page(curator, "/curator/"),
        "programme_results_hr": measure_page(hr, "/programme/results/", repeat=3),
        "programme_results_xlsx_hr": measure_page(hr, "/programme/results.xlsx", repeat=2),
    }


SCENARIOS = [shell_pages, content_pages, skills_pages, programme_pages]
