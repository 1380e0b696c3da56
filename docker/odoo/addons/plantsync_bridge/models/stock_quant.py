from odoo import fields, models


class StockQuant(models.Model):
    _inherit = 'stock.quant'

    # Plantsync's stock status of the quant; Odoo has none. Empty reads as unrestricted.
    # Values are the canonical STOCK_STATUSES (libs/canonical inventory.ts).
    x_stock_status = fields.Selection(
        [
            ('unrestricted', 'Unrestricted'),
            ('quality_inspection', 'Quality Inspection'),
            ('blocked', 'Blocked'),
            ('in_transit', 'In Transit'),
        ],
        string='Stock Status',
    )
