from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import float_is_zero


class MrpProduction(models.Model):
    _inherit = 'mrp.production'

    # Main work center of the order (native Odoo keeps one per work order); read by the connector.
    x_workcenter_id = fields.Many2one('mrp.workcenter', string='Main Work Center', ondelete='set null')

    def plantsync_revert_release(self):
        """Takes released (confirmed) orders back to draft while nothing was produced on them.

        Standard Odoo has no way back from action_confirm (action_cancel is final), and writing
        state = 'draft' alone would leave the stock moves confirmed and their components reserved.
        Plantsync's order-release saga needs this undo when a later step fails (MES dispatch).
        All orders are checked before any is changed: one refusal changes nothing.
        """
        labels = dict(self.fields_get(['state'], ['selection'])['state']['selection'])
        for production in self:
            if production.state != 'confirmed':
                raise UserError(
                    self.env._(
                        'You cannot revert the release of the manufacturing order %(name)s: it is %(state)s.',
                        name=production.name,
                        state=labels.get(production.state, production.state),
                    )
                )
        for production in self:
            if production._plantsync_has_production():
                raise UserError(
                    self.env._(
                        'You cannot revert the release of %(name)s: production has been reported.',
                        name=production.name,
                    )
                )
        for production in self:
            # Odoo's own "Unreserve" button, then the open moves back to draft: a later
            # action_confirm confirms (and reserves) them again, as for a new order.
            production.do_unreserve()
            moves = (production.move_raw_ids | production.move_finished_ids).filtered(
                lambda m: m.state not in ('done', 'cancel')
            )
            moves.write({'state': 'draft'})
            production.write({'state': 'draft'})
        return True

    def _plantsync_has_production(self):
        """Produced (posted) or being produced (qty_producing, set by plantsync_record_production)."""
        self.ensure_one()
        rounding = self.product_uom_id.rounding
        return not (
            float_is_zero(self.qty_produced, precision_rounding=rounding)
            and float_is_zero(self.qty_producing, precision_rounding=rounding)
        )
