// Maintainer command: rewrites packages/config/src/cost/price-table-data.ts from AWS Price List
// bulk offer files given as arguments (downloaded first, one per region and offer), e.g.
//   curl -o ec2-eu-west-1.json https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/eu-west-1/index.json
//   npx projen refresh-prices -- ec2-eu-west-1.json
// then rebuild and review the diff.
import * as fs from 'fs';
import * as path from 'path';
import { OfferFile, priceTableOf, renderPriceTable } from '../src/maintenance/price-table';

const DATA_FILE = path.join(__dirname, '..', '..', 'config', 'src', 'cost', 'price-table-data.ts');

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('refresh-prices: give the offer files (JSON of the Price List bulk API) to read.');
  process.exitCode = 2;
} else {
  const offers = files.map((file) => JSON.parse(fs.readFileSync(file, 'utf-8')) as OfferFile);
  const table = priceTableOf(offers);
  fs.writeFileSync(DATA_FILE, renderPriceTable(table));
  console.log(`Wrote ${path.relative(process.cwd(), DATA_FILE)}: ${table.prices.length} price(s) from ${table.offers.join('; ')}.`);
}
