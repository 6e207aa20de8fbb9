"""The "New delivery order" form (seeds 002 and 004): offers with counts and prices checked
against the Market's stock, courier address or pickup point, recipient, the delivery options of
each warehouse, the order number, packaging, draft or at once.

A view over `services.laas.LaasService`: every refusal is shown beside the field it concerns
and nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from packstation.domain.laas import (
    DeliveryOption,
    Field,
    LaasOrder,
    Offer,
    Packaging,
    PickupPoint,
    Stock,
    WarehouseOptions,
)
from packstation.domain.message import Message
from packstation.services.laas import FormRefusedError, LaasService, OrderForm
from packstation.ui import palette
from packstation.ui.format import fill
from packstation.ui.i18n import say
from packstation.ui.plain_text import plain_label
from packstation.ui.tasks import TaskRunner

_ERROR_STYLE = f"color:{palette.FORM_ERROR};"
_COLUMNS = 5  # SKU, name, count, price, stock


class NewOrderForm(QWidget):
    """The form. Signals: created(object) with the tuple of `LaasOrder`s the Market created."""

    created = Signal(object)

    def __init__(
        self,
        service: LaasService,
        tasks: TaskRunner,
        *,
        warehouse_names: Callable[[int], str] = str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.tasks = tasks
        self._warehouse = warehouse_names
        self._offers: dict[str, Offer] = {}
        self._stocks: dict[str, tuple[Stock, ...]] = {}
        self._points: dict[int, PickupPoint] = {}
        self.warehouses: tuple[WarehouseOptions, ...] = ()
        self.option_boxes: dict[int, QComboBox] = {}
        self.errors: dict[Field, QLabel] = {}

        # -- offers
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Name, SKU or scan a barcode"))
        self.search.returnPressed.connect(self._search)
        self.results = QListWidget(self)
        self.results.setMaximumHeight(110)
        self.results.itemActivated.connect(lambda item: self.add_offer(item.data(Qt.ItemDataRole.UserRole)))
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.clicked.connect(self._add_selected)
        self.items = QTableWidget(0, _COLUMNS, self)
        self.items.setHorizontalHeaderLabels(
            [
                self.tr("SKU"),
                self.tr("Offer"),
                self.tr("Count"),
                self.tr("Price, ₽"),
                self.tr("Stock by warehouse"),
            ]
        )
        self.items.verticalHeader().setVisible(False)
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.items.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.remove_button = QPushButton(self.tr("Remove line"), self)
        self.remove_button.clicked.connect(self._remove_selected)
        offers_box = QGroupBox(self.tr("1. Offers"), self)
        offers = QGridLayout(offers_box)
        offers.addWidget(self.search, 0, 0)
        offers.addWidget(self.add_button, 0, 1)
        offers.addWidget(self.results, 1, 0, 1, 2)
        offers.addWidget(self.items, 2, 0, 1, 2)
        offers.addWidget(self.remove_button, 3, 1)
        offers.addWidget(self._error(Field.ITEMS), 3, 0)

        # -- destination
        self.courier_radio = QRadioButton(self.tr("Courier to an address"), self)
        self.pickup_radio = QRadioButton(self.tr("Market pickup point"), self)
        self.courier_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.courier_radio)
        group.addButton(self.pickup_radio)
        self.courier_radio.toggled.connect(self._destination_changed)
        self.address = QLineEdit(self)
        self.address.setPlaceholderText(self.tr("Region, city, street, house"))
        self.entrance = QLineEdit(self)
        self.floor = QLineEdit(self)
        self.apartment = QLineEdit(self)
        self.notes = QLineEdit(self)
        self.courier_box = QWidget(self)
        courier = QFormLayout(self.courier_box)
        courier.setContentsMargins(0, 0, 0, 0)
        courier.addRow(self.tr("Full address"), self.address)
        courier.addRow("", self._error(Field.ADDRESS))
        flat = QHBoxLayout()
        for label, widget in (
            (self.tr("Entrance"), self.entrance),
            (self.tr("Floor"), self.floor),
            (self.tr("Apartment"), self.apartment),
        ):
            flat.addWidget(QLabel(label, self))
            flat.addWidget(widget)
        courier.addRow(flat)
        courier.addRow(self.tr("Notes for the courier"), self.notes)
        self.point_search = QLineEdit(self)
        self.point_search.setPlaceholderText(self.tr("Search pickup points by address"))
        self.point_search.textChanged.connect(self._filter_points)
        self.points = QListWidget(self)
        self.points.setMaximumHeight(120)
        self.pickup_box = QWidget(self)
        pickup = QVBoxLayout(self.pickup_box)
        pickup.setContentsMargins(0, 0, 0, 0)
        pickup.addWidget(self.point_search)
        pickup.addWidget(self.points)
        pickup.addWidget(self._error(Field.PICKUP_POINT))
        self.pickup_box.hide()
        where_box = QGroupBox(self.tr("2. Delivery"), self)
        where = QVBoxLayout(where_box)
        choice = QHBoxLayout()
        choice.addWidget(self.courier_radio)
        choice.addWidget(self.pickup_radio)
        choice.addStretch(1)
        where.addLayout(choice)
        where.addWidget(self.courier_box)
        where.addWidget(self.pickup_box)

        # -- recipient
        self.last_name = QLineEdit(self)
        self.first_name = QLineEdit(self)
        self.middle_name = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText("+7 999 000-11-22")
        who_box = QGroupBox(self.tr("3. Recipient"), self)
        who = QFormLayout(who_box)
        who.addRow(self.tr("Last name"), self.last_name)
        who.addRow("", self._error(Field.LAST_NAME))
        who.addRow(self.tr("First name"), self.first_name)
        who.addRow("", self._error(Field.FIRST_NAME))
        who.addRow(self.tr("Middle name"), self.middle_name)
        who.addRow(self.tr("Phone"), self.phone)
        who.addRow("", self._error(Field.PHONE))

        # -- options and creation
        self.options_button = QPushButton(self.tr("Get delivery options"), self)
        self.options_button.clicked.connect(self.request_options)
        self.options_area = QFormLayout()
        self.external_id = QLineEdit(self.service.suggest_external_id(), self)
        self.packaging = QComboBox(self)
        self.packaging.addItem(self.tr("Market packaging (white label)"), Packaging.WHITELABEL)
        self.packaging.addItem(self.tr("Our branded packaging"), Packaging.BRAND)
        self.draft = QCheckBox(self.tr("Create as a draft (confirm within an hour)"), self)
        self.draft.setChecked(True)
        self.create_button = QPushButton(self.tr("Create order"), self)
        self.create_button.setObjectName("createLaasOrder")
        self.create_button.setEnabled(False)
        self.create_button.clicked.connect(self.create_order)
        self.outcome = QLabel(self)
        self.outcome.setWordWrap(True)
        send_box = QGroupBox(self.tr("4. Delivery options and order"), self)
        send = QVBoxLayout(send_box)
        send.addWidget(self.options_button)
        send.addLayout(self.options_area)
        send.addWidget(self._error(Field.OPTION))
        numbers = QFormLayout()
        numbers.addRow(self.tr("Order number (externalOrderId)"), self.external_id)
        numbers.addRow("", self._error(Field.EXTERNAL_ID))
        numbers.addRow(self.tr("Packaging"), self.packaging)
        send.addLayout(numbers)
        send.addWidget(self.draft)
        send.addWidget(self.create_button)
        send.addWidget(self._error(Field.FORM))
        send.addWidget(self.outcome)
        send.addStretch(1)

        left = QVBoxLayout()
        left.addWidget(offers_box, 3)
        left.addWidget(where_box, 2)
        right = QVBoxLayout()
        right.addWidget(who_box)
        right.addWidget(send_box, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        # Anything that changes the delivery makes the options shown stale.
        for edit in (self.address, self.phone):
            edit.textEdited.connect(lambda _text, f=edit: self._clear_error_of(f))
        self.address.textEdited.connect(lambda _t: self._options_stale())
        self.points.currentRowChanged.connect(lambda _r: self._options_stale())

    # -- helpers -------------------------------------------------------------------------------

    def _error(self, field: Field) -> QLabel:
        label = plain_label(parent=self)  # the Market's words, shown literally
        label.setObjectName(f"error_{field.value}")
        label.setStyleSheet(_ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        self.errors[field] = label
        return label

    def _clear_error_of(self, edit: QLineEdit) -> None:
        field = {self.address: Field.ADDRESS, self.phone: Field.PHONE}.get(edit)
        if field is not None:
            self.errors[field].hide()

    def _text(self, text: Message) -> str:
        return say(text)

    def show_problems(self, problems: dict[Field, Message]) -> None:
        """Show each problem beside its field (and only those)."""
        for field, label in self.errors.items():
            if field in problems:
                label.setText(self._text(problems[field]))
                label.show()
            else:
                label.hide()

    def visible_errors(self) -> dict[Field, str]:
        return {f: label.text() for f, label in self.errors.items() if not label.isHidden()}

    # -- offers ------------------------------------------------------------------------------

    def _search(self, add_single: bool = False) -> None:
        self.tasks.run(self.search_offers(self.search.text(), add_single=add_single), trigger=self.add_button)

    async def search_offers(self, text: str, *, add_single: bool = False) -> tuple[Offer, ...]:
        """Show the offers matching `text`; a scanned barcode (or `add_single` with a single
        match) adds the offer at once."""
        found = await self.service.search(text)
        self.results.clear()
        for offer in found:
            price = f" — {offer.price:.0f} ₽" if offer.price is not None else ""
            item = QListWidgetItem(f"{offer.offer_id} · {offer.name}{price}", self.results)
            item.setData(Qt.ItemDataRole.UserRole, offer)
            self._offers[offer.offer_id] = offer
        if len(found) == 1 and (add_single or text.strip() in found[0].barcodes):
            self.add_offer(found[0])  # a scanned barcode adds the offer at once
            self.results.clear()
            self.search.clear()
        elif found:
            self.results.setCurrentRow(0)
        return found

    def _add_selected(self) -> None:
        row = self.results.currentRow()
        if row >= 0:
            self.add_offer(self.results.item(row).data(Qt.ItemDataRole.UserRole))
            self.results.clear()
            self.search.clear()
        else:
            self._search(add_single=True)

    def add_offer(self, offer: Offer, count: int = 1) -> None:
        """Add a line (or one more unit of an existing one) and check its stock."""
        for row in range(self.items.rowCount()):
            if self._cell(row, 0) == offer.offer_id:
                spin = self._count_box(row)
                spin.setValue(spin.value() + count)
                return
        row = self.items.rowCount()
        self.items.insertRow(row)
        sku = QTableWidgetItem(offer.offer_id)
        sku.setFlags(sku.flags() & ~Qt.ItemFlag.ItemIsEditable)
        name = QTableWidgetItem(offer.name)
        name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.items.setItem(row, 0, sku)
        self.items.setItem(row, 1, name)
        spin = QSpinBox(self.items)
        spin.setRange(1, 1000)
        spin.setValue(count)
        spin.valueChanged.connect(lambda _v: self._options_stale())
        self.items.setCellWidget(row, 2, spin)
        self.items.setItem(row, 3, QTableWidgetItem(f"{offer.price:.2f}" if offer.price is not None else ""))
        self.items.setItem(row, 4, QTableWidgetItem(self.tr("checking…")))
        self._offers[offer.offer_id] = offer
        self._options_stale()
        self.tasks.run(self._load_stock(offer.offer_id))

    def _cell(self, row: int, column: int) -> str:
        item = self.items.item(row, column)
        return item.text() if item is not None else ""

    def _count_box(self, row: int) -> QSpinBox:
        widget = self.items.cellWidget(row, 2)
        assert isinstance(widget, QSpinBox)
        return widget

    async def _load_stock(self, offer_id: str) -> None:
        stocks = await self.service.stocks([offer_id])
        self._stocks[offer_id] = stocks
        text = " · ".join(f"{self._warehouse(s.warehouse_id)}: {s.available}" for s in stocks) or self.tr(
            "not in stock"
        )
        for row in range(self.items.rowCount()):
            if self._cell(row, 0) == offer_id:
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.items.setItem(row, 4, cell)

    def _remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.items.selectedIndexes()}, reverse=True)
        for row in rows:
            self.items.removeRow(row)
        self._options_stale()

    # -- destination ---------------------------------------------------------------------------

    def _destination_changed(self) -> None:
        pickup = self.pickup_radio.isChecked()
        self.courier_box.setVisible(not pickup)
        self.pickup_box.setVisible(pickup)
        self._options_stale()
        if pickup and not self._points:
            self.tasks.run(self.load_points())

    async def load_points(self) -> None:
        points = await self.service.pickup_points()
        self._points = {p.id: p for p in points}
        self._filter_points(self.point_search.text())

    def _filter_points(self, text: str) -> None:
        current = self.current_point()
        self.points.clear()
        for point in self._points.values():
            if text.strip() and not point.matches(text):
                continue
            hours = f" ({point.hours})" if point.hours else ""
            item = QListWidgetItem(f"{point.address}{hours}", self.points)
            item.setData(Qt.ItemDataRole.UserRole, point.id)
            if point.id == current:
                self.points.setCurrentItem(item)

    def current_point(self) -> int | None:
        item = self.points.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def choose_point(self, point_id: int) -> None:
        for row in range(self.points.count()):
            if self.points.item(row).data(Qt.ItemDataRole.UserRole) == point_id:
                self.points.setCurrentRow(row)

    # -- the form as values ----------------------------------------------------------------------

    def form(self) -> OrderForm:
        lines = tuple(
            (self._cell(row, 0), str(self._count_box(row).value()), self._cell(row, 3))
            for row in range(self.items.rowCount())
        )
        return OrderForm(
            items=lines,
            pickup=self.pickup_radio.isChecked(),
            address=self.address.text(),
            entrance=self.entrance.text(),
            floor=self.floor.text(),
            apartment=self.apartment.text(),
            notes=self.notes.text(),
            pickup_point=self.current_point(),
            last_name=self.last_name.text(),
            first_name=self.first_name.text(),
            middle_name=self.middle_name.text(),
            phone=self.phone.text(),
            external_id=self.external_id.text(),
            packaging=Packaging(self.packaging.currentData()),
            draft=self.draft.isChecked(),
        )

    # -- options and creation ----------------------------------------------------------------

    def _options_stale(self) -> None:
        if self.warehouses:
            self._show_options(())

    def request_options(self) -> None:
        self.tasks.run(self.load_options(), trigger=self.options_button)

    async def load_options(self) -> bool:
        """Ask the Market for options (after the stock check); False when refused."""
        self.outcome.clear()
        try:
            found = await self.service.delivery_options(self.form())
        except FormRefusedError as refused:
            self.show_problems(refused.problems)
            self._show_options(())
            return False
        self.show_problems({})
        self._show_options(found)
        return True

    def _show_options(self, warehouses: Sequence[WarehouseOptions]) -> None:
        while self.options_area.rowCount():
            self.options_area.removeRow(0)
        self.option_boxes = {}
        self.warehouses = tuple(warehouses)
        for warehouse in self.warehouses:
            box = QComboBox(self)
            box.setObjectName(f"options_{warehouse.warehouse_id}")
            for option in warehouse.options:
                box.addItem(self._option_text(option), option)
            units = ", ".join(f"{offer} × {count}" for offer, count in warehouse.items)
            label = QLabel(f"{self._warehouse(warehouse.warehouse_id)}\n{units}", self)
            label.setWordWrap(True)
            self.options_area.addRow(label, box)
            self.option_boxes[warehouse.warehouse_id] = box
        self.create_button.setEnabled(bool(self.warehouses))

    def _option_text(self, option: DeliveryOption) -> str:
        price = f"{option.price:.0f} ₽" if option.price != Decimal(0) else ""
        where = ""
        if option.pickup_point is not None and option.pickup_point in self._points:
            where = " · " + self._points[option.pickup_point].address
        return f"{option.interval} · {price}{where}".strip(" ·")

    def choices(self) -> list[DeliveryOption]:
        return [box.currentData() for box in self.option_boxes.values() if box.currentData() is not None]

    def create_order(self) -> None:
        self.tasks.run(self.submit(), trigger=self.create_button)

    async def submit(self) -> tuple[LaasOrder, ...]:
        """Create the order; on a refusal show it beside its field and keep the form."""
        try:
            orders = await self.service.create(self.form(), self.warehouses, self.choices())
        except FormRefusedError as refused:
            self.show_problems(refused.problems)
            return ()
        self.show_problems({})
        numbers = ", ".join(str(o.id) for o in orders)
        if any(o.is_draft for o in orders):
            self.outcome.setText(
                self.tr("Draft created: %1. Confirm it within an hour in “LaaS orders”.").replace(
                    "%1", numbers
                )
            )
        else:
            self.outcome.setText(fill(self.tr("Order created: %1."), numbers))
        self.created.emit(orders)
        self.reset()
        return orders

    def reset(self) -> None:
        """Empty the form for the next order (after a successful creation only)."""
        self.items.setRowCount(0)
        for edit in (
            self.address,
            self.entrance,
            self.floor,
            self.apartment,
            self.notes,
            self.last_name,
            self.first_name,
            self.middle_name,
            self.phone,
            self.search,
            self.point_search,
        ):
            edit.clear()
        self.courier_radio.setChecked(True)
        self.results.clear()
        self.external_id.setText(self.service.suggest_external_id())
        self._show_options(())
