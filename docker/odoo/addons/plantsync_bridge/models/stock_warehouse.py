from odoo import api, fields, models

from .stock_picking import TRANSPORT_SEQUENCE_CODE


class StockWarehouse(models.Model):
    """Every warehouse gets an "Inter-plant Transfers" operation type (sequence code STO): the
    connector creates stock transport orders as pickings of that type. It is built through the
    warehouse's own sequence and picking-type hooks (as point_of_sale does for its PoS type), so
    warehouses created later get one too and renaming a warehouse keeps its prefix in step.
    """

    _inherit = 'stock.warehouse'

    x_sto_type_id = fields.Many2one('stock.picking.type', string='Inter-plant Transfer Type', copy=False)

    def _get_sequence_values(self, name=False, code=False):
        # name/code are the warehouse's new ones while it is being renamed.
        values = super()._get_sequence_values(name=name, code=code)
        values['x_sto_type_id'] = {
            'name': self.env._('%(warehouse)s Sequence inter-plant transfers', warehouse=name or self.name),
            'prefix': f'{code or self.code}/{self.x_sto_type_id.sequence_code or TRANSPORT_SEQUENCE_CODE}/',
            'padding': 5,
            'company_id': self.company_id.id,
        }
        return values

    def _get_picking_type_update_values(self):
        values = super()._get_picking_type_update_values()
        values['x_sto_type_id'] = {'default_location_src_id': self.lot_stock_id.id}
        return values

    def _get_picking_type_create_values(self, max_sequence):
        values, max_sequence = super()._get_picking_type_create_values(max_sequence)
        values['x_sto_type_id'] = {
            'name': self.env._('Inter-plant Transfers'),
            'code': 'internal',
            'sequence_code': TRANSPORT_SEQUENCE_CODE,
            'sequence': max_sequence + 1,
            'default_location_src_id': self.lot_stock_id.id,
            'default_location_dest_id': self._plantsync_transit_location().id,
            'company_id': self.company_id.id,
        }
        return values, max_sequence + 2

    def _plantsync_transit_location(self):
        """The first leg of Odoo's inter-warehouse resupply ends in transit: the company's own
        transit location, else a shared one, else (a database without any) the stock itself."""
        self.ensure_one()
        locations = self.env['stock.location'].with_context(active_test=False)
        transit = locations.search([('usage', '=', 'transit'), ('company_id', '=', self.company_id.id)], order='id', limit=1)
        transit = transit or locations.search([('usage', '=', 'transit'), ('company_id', '=', False)], order='id', limit=1)
        return transit or self.lot_stock_id

    @api.model
    def _plantsync_create_missing_transport_types(self):
        """Install/update: links an STO type a warehouse already has (e.g. created by hand before
        the add-on), else creates one. Idempotent."""
        picking_types = self.env['stock.picking.type'].with_context(active_test=False)
        for warehouse in self.search([('x_sto_type_id', '=', False)]):
            existing = picking_types.search(
                [('warehouse_id', '=', warehouse.id), ('sequence_code', '=', TRANSPORT_SEQUENCE_CODE)], order='id', limit=1
            )
            if existing:
                warehouse.x_sto_type_id = existing
            else:
                warehouse.write(warehouse._create_or_update_sequences_and_picking_types())
        return True
