from odoo import fields, models


class MrpWorkorder(models.Model):
    _inherit = 'mrp.workorder'

    # Scrap confirmed on the operation by the shop floor. Odoo books scrap through stock.scrap;
    # this is the operation's reported total, kept beside the native qty_produced.
    x_qty_scrapped = fields.Float(string='Quantity Scrapped', digits='Product Unit of Measure', default=0.0, copy=False)
