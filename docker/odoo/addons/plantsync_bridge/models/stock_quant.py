from odoo import api, fields, models

# Ends each part of the balance key; below every character of a code, so a shorter code sorts
# before a longer one it prefixes (BRKT-1 before BRKT-10).
KEY_PART_END = '\x01'


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

    # The quant's balance key in Plantsync's balance order (item, location, lot, status), so the
    # connector pages quants with search_read(order='x_plantsync_balance_key', limit=n) and a
    # ('x_plantsync_balance_key', '>', last) domain: a b-tree range read, not a read of every quant.
    # Lower-case hex of the UTF-8 text: PostgreSQL orders text by the database collation, which
    # is not code-point order (en_US ignores '-' at first); hex digits sort alike under every
    # collation, and hex order is byte order. Must match odooBalanceKey in
    # libs/connectors/src/adapters/odoo/odoo-balance-key.ts.
    x_plantsync_balance_key = fields.Char(
        string='Plantsync Balance Key',
        compute='_compute_x_plantsync_balance_key',
        store=True,
        index=True,
        readonly=True,
        copy=False,
    )

    @api.depends(
        'product_id.default_code',
        'location_id.barcode',
        'location_id.complete_name',
        'lot_id.name',
        'x_stock_status',
    )
    def _compute_x_plantsync_balance_key(self):
        for quant in self:
            parts = [
                quant.product_id.default_code or str(quant.product_id.id),
                quant.location_id.barcode or quant.location_id.complete_name or '',
                quant.lot_id.name or '',
                quant.x_stock_status or 'unrestricted',
            ]
            quant.x_plantsync_balance_key = KEY_PART_END.join(parts).encode('utf-8').hex()
