"""`{% show_block block %}`: renders a contributed block (core.composition) with the page's
context plus the block's own variables."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def show_block(context, block):
    block_template = context.template.engine.get_template(block.template)
    with context.push(**block.context):
        return block_template.render(context)
