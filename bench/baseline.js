// The same call the console's container list makes for its first page, and
// the same cells, written with DOM calls.
const key = sessionStorage.getItem('scc.secret_key') || '';
const query = new URLSearchParams(location.search);
const size = query.get('page_size') || '20';
const response = await fetch(
  `/containers/v1/regions/fr-par/containers?page=1&page_size=${size}&order_by=created_at_desc`,
  { headers: { 'X-Auth-Token': key } },
);
const list = await response.json();
const body = document.querySelector('tbody');
const mb = (bytes) => `${Math.round(bytes / 1e6)} MB`;
for (const c of list.containers) {
  const row = document.createElement('tr');
  for (const text of [
    c.name, c.namespace_id, c.status, c.image, c.public_endpoint,
    `${c.min_scale}–${c.max_scale}`, mb(c.memory_limit_bytes), `${c.mvcpu_limit / 1000} vCPU`,
  ]) {
    const cell = document.createElement('td');
    cell.textContent = text;
    row.append(cell);
  }
  body.append(row);
}
