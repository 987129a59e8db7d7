// 月报填报: shows the cumulative the server will compute (上月累计 + 本月完成) while the cumulative box is left blank.
(function () {
    const grid = document.getElementById('grid');
    if (!grid) { return; }
    function update(row) {
        const prevCell = row.querySelector('[data-previous]');
        const month = row.querySelector('input.this-month');
        const cumulative = row.querySelector('input.cumulative');
        const out = row.querySelector('output.computed');
        if (!prevCell || !month || !cumulative || !out) { return; }
        const prev = Number(prevCell.dataset.previous || '0');
        const m = Number((month.value || '').replace(/,/g, ''));
        out.textContent = month.value.trim() !== '' && cumulative.value.trim() === '' && Number.isFinite(m)
            ? '= ' + (prev + m).toLocaleString('zh-CN', { maximumFractionDigits: 4 })
            : '';
    }
    grid.querySelectorAll('tbody tr').forEach(function (row) {
        row.querySelectorAll('input').forEach(function (i) { i.addEventListener('input', function () { update(row); }); });
        update(row);
    });
})();
