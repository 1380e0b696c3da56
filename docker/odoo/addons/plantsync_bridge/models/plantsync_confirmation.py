from odoo import fields, models


class PlantsyncConfirmation(models.Model):
    """One record per operation confirmation recorded by mrp.production.plantsync_record_production.

    Real Odoo ignores the Idempotency-Key header, so the caller's key is stored here (x_name) and a
    retry with the same key answers from this log instead of recording the production twice. The
    `x_` names match the Studio model the connector was first written against, so the connector
    reads the same fields whether the model comes from Studio or from this add-on.
    """

    _name = 'x_plantsync_confirmation'
    _description = 'Plantsync Operation Confirmation'
    _rec_name = 'x_name'
    _order = 'id'

    x_name = fields.Char(string='Plantsync Key', required=True, readonly=True, index=True)
    x_production_id = fields.Many2one(
        'mrp.production', string='Manufacturing Order', required=True, readonly=True, index=True, ondelete='cascade'
    )
    x_workorder_id = fields.Many2one('mrp.workorder', string='Work Order', readonly=True, ondelete='set null')
    x_qty_produced = fields.Float(string='Yield', digits='Product Unit of Measure', readonly=True)
    x_qty_scrapped = fields.Float(string='Scrap', digits='Product Unit of Measure', readonly=True)
    x_scrap_reason = fields.Text(string='Scrap Reason', readonly=True)
    x_final = fields.Boolean(string='Final Confirmation', readonly=True)
    x_date = fields.Datetime(string='Confirmed At', readonly=True)

    # A key is recorded once, even when two retries race: the second insert fails and its request
    # is answered as a conflict; the next retry finds the first record.
    _x_name_unique = models.Constraint('UNIQUE (x_name)', 'This Plantsync key has already been recorded.')

    def _plantsync_answer(self):
        """What a recorded confirmation answers: the first call and every retry alike."""
        self.ensure_one()
        workorder = self.x_workorder_id
        production = self.x_production_id
        return {
            'confirmation_id': self.id,
            'workorder_id': workorder.id or False,
            'workorder_qty_produced': workorder.qty_produced if workorder else False,
            'workorder_qty_scrapped': workorder.x_qty_scrapped if workorder else False,
            # Reported but not yet posted production is the quantity producing; once
            # button_mark_done posts it, it is qty_produced.
            'production_qty_produced': max(production.qty_produced, production.qty_producing),
            'date': fields.Datetime.to_string(self.x_date) if self.x_date else False,
        }
