from odoo import fields, models
from odoo.exceptions import UserError

# The sequence code of the "Inter-plant Transfers" operation type; the connector finds stock
# transport orders by it (picking_type_id.sequence_code = STO).
TRANSPORT_SEQUENCE_CODE = 'STO'


class StockPicking(models.Model):
    _inherit = 'stock.picking'

    # The caller's idempotency key of a goods movement or stock transport order: real Odoo ignores
    # Idempotency-Key, so a connector retry searches by this and finds the transfer it created.
    x_plantsync_key = fields.Char(string='Plantsync Key', copy=False, readonly=True, index='btree_not_null')
    # Stock transport orders: the destination lives in another plant's database, so it is named
    # by Plantsync plant and location codes.
    x_dest_plant = fields.Char(string='Destination Plant', copy=False)
    x_dest_location = fields.Char(string='Destination Location', copy=False)
    # On a goods issue or receipt: the number of the stock transport order it belongs to.
    x_stock_transport = fields.Char(string='Stock Transport Order', copy=False, index='btree_not_null')

    # Two concurrent creates with one key (a retry racing the first call) cannot both succeed.
    _x_plantsync_key_unique = models.UniqueIndex(
        '(x_plantsync_key) WHERE x_plantsync_key IS NOT NULL',
        'A transfer with this Plantsync key already exists.',
    )

    def plantsync_close_transport(self):
        """Closes stock transport orders whose goods issue was posted as its own picking.

        The stock already moved with that goods issue (x_stock_transport = this order's name), so
        the order is set to done WITHOUT moving quants: button_validate would move the stock a
        second time. Only a confirmed ("Waiting") or assigned ("Ready") STO can be closed; the
        connector does not call this for an STO that is already done.
        """
        for picking in self:
            if picking.picking_type_id.sequence_code != TRANSPORT_SEQUENCE_CODE:
                raise UserError(self.env._('%(name)s is not a stock transport order.', name=picking.name))
            if picking.state not in ('confirmed', 'assigned'):
                raise UserError(
                    self.env._(
                        'You cannot close the stock transport order %(name)s: it is %(state)s.',
                        name=picking.name,
                        state=picking.state,
                    )
                )
        now = fields.Datetime.now()
        for picking in self:
            moves = picking.move_ids.filtered(lambda m: m.state not in ('done', 'cancel'))
            # Release what Odoo reserved for the order (assigned moves hold quants through move
            # lines); quants only move through move lines, so with none left "done" moves nothing.
            moves._do_unreserve()
            # _do_unreserve keeps lines someone already marked picked; a done line would claim a
            # movement that never happened (traceability), so none is kept.
            moves.move_line_ids.unlink()
            moves.write({'state': 'done', 'date': now})
            picking.write({'state': 'done', 'date_done': now})
        return True
