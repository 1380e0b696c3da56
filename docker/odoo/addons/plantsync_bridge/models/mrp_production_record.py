import math

from odoo import fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

# Orders production can be recorded on (the MES reports on released or running orders).
RECORDABLE_STATES = ('confirmed', 'progress', 'to_close')
MAX_KEY_LENGTH = 200


class MrpProduction(models.Model):
    _inherit = 'mrp.production'

    def plantsync_record_production(
        self,
        plantsync_key=None,
        operation=None,
        workcenter=None,
        qty_produced=0,
        qty_scrapped=0,
        scrap_reason=None,
        final=False,
        date=None,
    ):
        """Records one operation confirmation from the shop floor (mrp.workorder record
        production, done remotely), once per `plantsync_key`.

        - a key already logged in x_plantsync_confirmation answers as it did and records nothing
          (real Odoo ignores Idempotency-Key);
        - the order must be confirmed, in progress or to close;
        - with an `operation` (the work order's name; created on first use with the `workcenter`
          code, else the order's main work center), yield is added to the work order's
          qty_produced and scrap to x_qty_scrapped; the work order goes to progress, or done when
          `final`; a done work order takes no more;
        - yield is added to the order's quantity producing (what button_mark_done posts), and a
          confirmed order moves to progress. A final confirmation does not close the order.

        Returns confirmation_id, workorder_id, workorder_qty_produced, workorder_qty_scrapped
        (False without an operation), production_qty_produced and date (naive UTC string).
        """
        if len(self) != 1:
            raise ValidationError(self.env._('plantsync_record_production takes exactly one manufacturing order'))
        if not isinstance(plantsync_key, str) or not 0 < len(plantsync_key) <= MAX_KEY_LENGTH:
            raise ValidationError(self.env._('plantsync_key must be a string of 1 to 200 characters'))
        # Serialises confirmations of one order. A concurrent call with the same key waits here;
        # once the first commits, its own writes conflict (Odoo retries the request, which then
        # finds the key) or the unique key refuses its log record. Nothing is recorded twice.
        self.env.cr.execute(SQL('SELECT id FROM mrp_production WHERE id = %s FOR UPDATE', self.id))
        log = self.env['x_plantsync_confirmation'].search([('x_name', '=', plantsync_key)], limit=1)
        if log:
            return log._plantsync_answer()

        production = self
        if production.state not in RECORDABLE_STATES:
            raise UserError(
                self.env._(
                    'You cannot record production on the manufacturing order %(name)s: it is %(state)s.',
                    name=production.name,
                    state=production.state,
                )
            )
        produced = _quantity(self.env, qty_produced, 'qty_produced')
        scrapped = _quantity(self.env, qty_scrapped, 'qty_scrapped')
        final = final is True
        operation = operation if isinstance(operation, str) and operation else None
        when = _datetime(self.env, date)
        was_confirmed = production.state == 'confirmed'

        workorder = self.env['mrp.workorder']
        if operation:
            workorder = production._plantsync_workorder(operation, workcenter)
            if workorder.state == 'done':
                raise UserError(
                    self.env._(
                        'The work order %(order)s - %(operation)s is already done.',
                        order=production.name,
                        operation=operation,
                    )
                )
            values = {
                'qty_produced': workorder.qty_produced + produced,
                'x_qty_scrapped': workorder.x_qty_scrapped + scrapped,
                'state': 'done' if final else 'progress',
            }
            if final:
                values['date_finished'] = when
            workorder.write(values)

        if produced > 0:
            production.qty_producing = production.qty_producing + produced
            # What the form does when a planner types the quantity producing: components are
            # consumed pro rata and the moves picked, so button_mark_done posts what was reported.
            production._set_qty_producing()
        if was_confirmed and production.state == 'confirmed':
            production.write({'state': 'progress'})

        log = self.env['x_plantsync_confirmation'].create(
            {
                'x_name': plantsync_key,
                'x_production_id': production.id,
                'x_workorder_id': workorder.id or False,
                'x_qty_produced': produced,
                'x_qty_scrapped': scrapped,
                'x_scrap_reason': scrap_reason if isinstance(scrap_reason, str) else False,
                'x_final': final,
                'x_date': when,
            }
        )
        return log._plantsync_answer()

    def _plantsync_workorder(self, operation, workcenter_code):
        """The operation's work order, created on its first confirmation (orders without routing)."""
        self.ensure_one()
        workorder = self.env['mrp.workorder'].search(
            [('production_id', '=', self.id), ('name', '=', operation)], order='id', limit=1
        )
        if workorder:
            return workorder
        workcenter = self.env['mrp.workcenter']
        if isinstance(workcenter_code, str) and workcenter_code:
            workcenter = workcenter.search([('code', '=', workcenter_code)], limit=1)
        workcenter = workcenter or self.x_workcenter_id
        if not workcenter:
            # Odoo requires a work center on every work order (the sandbox does not).
            raise UserError(
                self.env._(
                    'Operation %(operation)s of %(name)s has no work center: send a known work center code'
                    ' or set the order\'s main work center.',
                    operation=operation,
                    name=self.name,
                )
            )
        return self.env['mrp.workorder'].create(
            {
                'name': operation,
                'production_id': self.id,
                'workcenter_id': workcenter.id,
                'product_uom_id': self.product_uom_id.id,
            }
        )


def _quantity(env, value, name):
    if value is None:
        return 0.0
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise ValidationError(env._('%(name)s must be a number ≥ 0', name=name))
    return float(value)


def _datetime(env, value):
    """Naive UTC 'YYYY-MM-DD HH:MM:SS' (Odoo's wire format); none → now."""
    if value is None or value is False:
        return fields.Datetime.now()
    if not isinstance(value, str):
        raise ValidationError(env._('date must be a datetime string YYYY-MM-DD HH:MM:SS'))
    try:
        return fields.Datetime.to_datetime(value)
    except ValueError:
        raise ValidationError(env._('date must be a datetime string YYYY-MM-DD HH:MM:SS')) from None
