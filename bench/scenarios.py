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


SCENARIOS = [shell_pages]
