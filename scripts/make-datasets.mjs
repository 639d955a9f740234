// Regenerates the demo datasets under public/datasets/ from MLflow's test fixtures (see PROVENANCE.md there).
//   node scripts/make-datasets.mjs [fixtures-dir]      (default: ../shared/fixtures/mlflow/datasets)
// digits.csv comes from scripts/make-digits.py (scikit-learn), not from here.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = process.argv[2] ?? join(root, '..', 'shared', 'fixtures', 'mlflow', 'datasets');
const out = join(root, 'public', 'datasets');

// TensorFlow's iris CSVs: a first line "<rows>,4,setosa,versicolor,virginica", then 4 measurements and a class index.
function irisRows(file) {
  const [head, ...lines] = readFileSync(join(src, file), 'utf8').trim().split(/\r?\n/);
  const names = head.split(',').slice(2);
  return lines.map((l) => {
    const f = l.split(',');
    return [...f.slice(0, 4), names[Number(f[4])]].join(',');
  });
}
const iris = ['sepal_length,sepal_width,petal_length,petal_width,species', ...irisRows('iris_training.csv'), ...irisRows('iris_test.csv')];
writeFileSync(join(out, 'iris.csv'), `${iris.join('\n')}\n`);
copyFileSync(join(src, 'winequality-red.csv'), join(out, 'winequality-red.csv'));
console.log(`wrote iris.csv (${iris.length - 1} rows) and winequality-red.csv to ${out}`);
