"""Every block of the learning vocabulary has a description, a preview and a template."""

import pytest

from curricula.blocks import CurriculumStreamBlock, LearningStreamBlock

BLOCKS = {**LearningStreamBlock.base_blocks, **CurriculumStreamBlock.base_blocks}


@pytest.mark.parametrize("name", sorted(BLOCKS))
def test_block_has_template_description_and_preview(db, name):
    block = BLOCKS[name]
    assert block.meta.template, name
    assert block.meta.description, name
    if name == "image":
        return  # the preview needs an image in the media library
    preview = block.get_preview_value()
    assert preview is not None, name
    html = block.render(preview)
    assert html.strip(), name


def test_exercise_renders_steps_and_minutes(db):
    block = LearningStreamBlock.base_blocks["exercise"]
    html = block.render(block.get_preview_value())
    assert "Три вопроса перед встречей" in html
    assert "<ol" in html and "Уточните, что уже пробовали." in html
    assert "10 минут" in html
