// Draws the three rates of the indicators page as a bar chart (ECharts), from the JSON the page carries.
document.addEventListener('DOMContentLoaded', () => {
  const box = document.getElementById('indicator-chart');
  const source = document.getElementById('indicator-data');
  if (!box || !source || typeof echarts === 'undefined') return;
  const data = JSON.parse(source.textContent);
  if (data.names.length === 0) { box.remove(); return; }
  box.style.height = '320px';
  const chart = echarts.init(box);
  const series = ['response', 'resolution', 'satisfaction'].map(key => ({ name: box.dataset[key], type: 'bar', data: data[key] }));
  chart.setOption({
    tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 40, right: 10, bottom: 60 },
    xAxis: { type: 'category', data: data.names, axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } }, series
  });
  window.addEventListener('resize', () => chart.resize());
});
