"""Demo texts of the curricula app, kept apart from the loader so both stay readable.

Bodies use a compact notation that :mod:`curricula.demo` turns into StreamField data:
``("text", html)``, ``("heading", text)``, ``("exercise", title, goal, minutes, [steps])``,
``("questions", intro, [questions])``, ``("checklist", title, [items])``,
``("tip", html)``, ``("warning", html)``, ``("quote", text, author)``.
"""
