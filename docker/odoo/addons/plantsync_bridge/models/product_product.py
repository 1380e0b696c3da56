from odoo import fields, models


class ProductProduct(models.Model):
    """Per-plant item data Plantsync reads; each plant is its own database, so variant fields suffice."""

    _inherit = 'product.product'

    # Native Odoo keeps this per vendor line (product.supplierinfo.delay); planners want one number.
    x_purchase_lead_days = fields.Integer(string='Purchase Lead Time (days)')
    x_default_location_id = fields.Many2one(
        'stock.location',
        string='Default Storage Location',
        domain=[('usage', '=', 'internal')],
        ondelete='set null',
    )
    # Scrap above this percentage of an order raises a quality hold in Plantsync.
    x_scrap_threshold_percent = fields.Float(string='Scrap Threshold (%)', digits=(16, 4))
