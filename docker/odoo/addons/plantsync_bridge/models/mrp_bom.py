from odoo import fields, models


class MrpBom(models.Model):
    """Odoo has no BOM revisions or effectivity: one mrp.bom per revision (native `code`) with these."""

    _inherit = 'mrp.bom'

    # Without a status the connector reads active → released, archived → obsolete.
    x_status = fields.Selection(
        [('draft', 'Draft'), ('released', 'Released'), ('obsolete', 'Obsolete')],
        string='Revision Status',
    )
    x_effective_from = fields.Date(string='Effective From')
    # The last day the revision is effective (inclusive), as planners enter it; the connector adds
    # one day to get the canonical exclusive end.
    x_effective_to = fields.Date(string='Effective To (last day)')


class MrpBomLine(models.Model):
    _inherit = 'mrp.bom.line'

    # Planned scrap as a fraction: 0.02 is 2 %.
    x_scrap_factor = fields.Float(string='Scrap Factor', digits=(16, 6), default=0.0)
