# Plantsync's Odoo add-on: what the odoo-json2 connector needs beyond standard Odoo 19
# (docs/connectors.md, "odoo-json2"). The sandbox simulator (apps/sandbox/src/erp) implements
# the same contract; keep both in step.
{
    'name': 'Plantsync Bridge',
    'version': '19.0.1.1.0',
    'summary': 'Fields, confirmation log and remote methods the Plantsync ERP connector calls over JSON-2',
    'category': 'Manufacturing/Manufacturing',
    'author': 'Plantsync',
    # mrp for orders and work orders; purchase_stock for receipt_status / qty_received on purchase orders.
    'depends': ['mrp', 'purchase_stock'],
    'data': [
        'security/ir.model.access.csv',
        'data/stock_picking_type_data.xml',
    ],
    'installable': True,
    'application': False,
    # Plantsync is Apache-2.0.
    'license': 'Other OSI approved licence',
}
