/* Sorting for tables marked data-sortable: each column heading becomes a button. The table is
   already in a useful order without this; sorting is stable, and numbers sort by data-value. */
(function () {
  "use strict";
  function key(row, index, kind) {
    var cell = row.cells[index];
    if (kind === "number") {
      var value = cell.getAttribute("data-value");
      return value === null ? null : parseFloat(value);
    }
    return cell.textContent.toLowerCase();
  }
  function compare(a, b, descending) {
    if (a === b) { return 0; }
    if (a === null) { return 1; }  /* no figure: last either way */
    if (b === null) { return -1; }
    return (a < b ? -1 : 1) * (descending ? -1 : 1);
  }
  function sort(table, heading, index) {
    var kind = heading.getAttribute("data-sort");
    var current = heading.getAttribute("aria-sort");
    /* first press: numbers largest first, text A to Z; the next press reverses */
    var descending = current ? current === "ascending" : kind === "number";
    var body = table.tBodies[0];
    var rows = Array.prototype.map.call(body.rows, function (row, position) {
      return {row: row, key: key(row, index, kind), position: position};
    });
    rows.sort(function (a, b) {
      return compare(a.key, b.key, descending) || a.position - b.position;
    });
    rows.forEach(function (item) { body.appendChild(item.row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute("aria-sort"); });
    heading.setAttribute("aria-sort", descending ? "descending" : "ascending");
  }
  Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (heading, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = heading.textContent;
      button.title = "Sort by " + heading.textContent.toLowerCase();
      heading.textContent = "";
      heading.appendChild(button);
      button.addEventListener("click", function () { sort(table, heading, index); });
    });
    table.classList.add("js-sortable");
  });
}());
