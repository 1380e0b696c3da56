from odoo import fields, models


class PurchaseOrderLine(models.Model):
    """The supplier's answer per line, written by Plantsync in one purchase.order.write."""

    _inherit = 'purchase.order.line'

    # Values are the canonical AcknowledgementStatus (libs/canonical purchase-order.ts).
    x_ack_status = fields.Selection(
        [('none', 'Not acknowledged'), ('accepted', 'Accepted'), ('rejected', 'Rejected'), ('changed', 'Changed')],
        string='Supplier Acknowledgement',
        copy=False,
    )
    x_ack_date = fields.Date(string='Promised Date (supplier)', copy=False)
    x_ack_qty = fields.Float(string='Promised Quantity (supplier)', digits='Product Unit of Measure', copy=False)
    x_ack_note = fields.Text(string='Supplier Note', copy=False)
    x_ack_datetime = fields.Datetime(string='Acknowledged At', copy=False)
