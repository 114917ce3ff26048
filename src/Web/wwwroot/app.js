// The dashboard's chart, drawn with ECharts from the data the page carries, and kept current: every few seconds
// the page asks for the chart's data again, so a project commissioned elsewhere shows without a reload.
(function () {
  const element = document.getElementById('trend');
  if (!element || !window.echarts) return;
  const labels = JSON.parse(element.dataset.labels);
  const chart = echarts.init(element);
  const numbers = new Intl.NumberFormat(document.documentElement.lang);
  const draw = trend => chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: labels },
    grid: { left: 60, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: trend.years },
    yAxis: { type: 'value', scale: true },
    series: [
      { name: labels[0], type: 'line', smooth: true, data: trend.demand },
      { name: labels[1], type: 'line', step: 'end', data: trend.places },
      { name: labels[2], type: 'bar', data: trend.pipeline, itemStyle: { opacity: 0.6 } },
    ],
  });
  let shown = element.dataset.trend;
  draw(JSON.parse(shown));
  element.dataset.drawn = 'true';
  element.dataset.drawnAt = String(Math.round(performance.now())); // ms since the navigation began, for the benchmark
  window.addEventListener('resize', () => chart.resize());

  const poll = async () => {
    try {
      const response = await fetch(element.dataset.live, { headers: { Accept: 'application/json' } });
      if (response.ok) {
        const text = await response.text();
        if (text !== shown) {
          shown = text;
          const trend = JSON.parse(text);
          draw(trend);
          document.getElementById('trend-places').textContent = numbers.format(trend.places[trend.places.length - 1] ?? 0);
        }
        document.getElementById('trend-updated').textContent = new Date().toLocaleTimeString(document.documentElement.lang);
      }
    } finally {
      setTimeout(poll, 3000);
    }
  };
  setTimeout(poll, 3000);
})();

// Uploads show their progress and can be cancelled: a form marked data-progress is sent by XMLHttpRequest, and the
// page the server answers replaces this one.
document.querySelectorAll('form[data-progress]').forEach(form => {
  const status = form.querySelector('.progress');
  const bar = status.querySelector('progress');
  form.addEventListener('submit', event => {
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open('POST', form.action || location.href);
    request.upload.onprogress = e => {
      if (e.lengthComputable) bar.value = bar.dataset.percent = Math.round(100 * e.loaded / e.total);
    };
    request.onload = () => { document.open(); document.write(request.responseText); document.close(); };
    request.onabort = () => {
      status.hidden = true;
      form.querySelector('.cancelled').hidden = false;
      form.querySelector('button[type=submit]').disabled = false;
    };
    status.querySelector('.cancel').onclick = () => request.abort();
    status.hidden = false;
    form.querySelector('.cancelled').hidden = true;
    bar.value = 0;
    form.querySelector('button[type=submit]').disabled = true;
    request.send(new FormData(form));
  });
});

// Scenarios side by side: each scenario's demand and places as lines.
(function () {
  const element = document.getElementById('compare');
  if (!element || !window.echarts) return;
  const data = JSON.parse(element.dataset.compare);
  const chart = echarts.init(element);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll' },
    grid: { left: 60, right: 24, top: 48, bottom: 32 },
    xAxis: { type: 'category', data: data.years },
    yAxis: { type: 'value', scale: true },
    series: data.series.map((s, i) => ({ name: s.name, type: 'line', data: s.data, lineStyle: { type: i % 2 ? 'dashed' : 'solid' } })),
  });
  element.dataset.drawn = 'true';
  window.addEventListener('resize', () => chart.resize());
})();
