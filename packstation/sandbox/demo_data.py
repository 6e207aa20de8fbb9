"""The demo store: fixed ids, a seeded Russian catalogue and order set, and a stock of
valid-structure marking codes for every marked product (what the demo UI offers for "scanning").

The same seed always yields the same catalogue, orders and codes; only dates move with the
sandbox clock (Express deadlines are set relative to its `now`).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from packstation.sandbox import codes

# The ids are defined apart, for the app's first frame; importers still find them here.
from packstation.sandbox.demo_ids import DEMO_BUSINESS_ID as DEMO_BUSINESS_ID
from packstation.sandbox.demo_ids import DEMO_CAMPAIGN_ID as DEMO_CAMPAIGN_ID
from packstation.sandbox.demo_ids import DEMO_DBS_CAMPAIGN_ID as DEMO_DBS_CAMPAIGN_ID
from packstation.sandbox.demo_ids import DEMO_LAAS_CAMPAIGN_ID as DEMO_LAAS_CAMPAIGN_ID
from packstation.sandbox.model import (
    CIS,
    CIS_OPTIONAL,
    GTD,
    RNPT,
    UIN,
    CodeShape,
    Line,
    Order,
    Product,
    Recipient,
)

DEMO_BUSINESS_NAME = "ООО «Ромашка»"
DEMO_SHOP_NAME = "Ромашка Маркет"
DEMO_WAREHOUSE_ID = "WH-MSK-1"
FIRST_ORDER_ID = 51_000_001
FIRST_LINE_ID = 900_001
CODES_PER_PRODUCT = 24  # stock of scannable codes per marked product

_SHOES = CodeShape(serial_len=13, short_tail=False)
_CLOTHES = CodeShape(serial_len=13, short_tail=False)
_DAIRY = CodeShape(serial_len=6, short_tail=True)

# (offer id, name, price, category, required, box count, CIS shape, vendor, weight kg, country)
_CATALOGUE: tuple[tuple[str, str, str, str, tuple[str, ...], int, CodeShape | None, str, str, str], ...] = (
    (
        "SHOE-RUN-43",
        "Кроссовки беговые мужские, р. 43",
        "5490",
        "shoes",
        (CIS,),
        1,
        _SHOES,
        "Бегун",
        "0.9",
        "RU",
    ),
    (
        "SHOE-WIN-38",
        "Ботинки зимние женские, р. 38",
        "7990",
        "shoes",
        (CIS,),
        1,
        _SHOES,
        "Снежка",
        "1.2",
        "RU",
    ),
    (
        "TSHIRT-M",
        "Футболка хлопковая, размер M",
        "990",
        "clothes",
        (CIS,),
        1,
        _CLOTHES,
        "Хлопок",
        "0.2",
        "RU",
    ),
    (
        "JACKET-L",
        "Куртка демисезонная, размер L",
        "6490",
        "clothes",
        (CIS,),
        1,
        _CLOTHES,
        "Ветер",
        "1.1",
        "RU",
    ),
    (
        "PERF-50",
        "Туалетная вода «Ландыш», 50 мл",
        "2390",
        "perfume",
        (CIS,),
        1,
        _CLOTHES,
        "Новая Заря",
        "0.3",
        "RU",
    ),
    ("MILK-1L", "Молоко 3,2 %, 1 л", "119", "dairy", (CIS,), 1, _DAIRY, "Простоквашино", "1.05", "RU"),
    (
        "CHEESE-200",
        "Сыр «Российский», 200 г",
        "289",
        "dairy",
        (CIS,),
        1,
        _DAIRY,
        "Сырная лавка",
        "0.21",
        "RU",
    ),
    (
        "SHAMPOO-400",
        "Шампунь для волос, 400 мл",
        "449",
        "cosmetics",
        (CIS_OPTIONAL,),
        1,
        _CLOTHES,
        "Чистая линия",
        "0.45",
        "RU",
    ),
    (
        "RING-585",
        "Кольцо золотое 585 пробы, р. 17",
        "18900",
        "jewelry",
        (UIN,),
        1,
        None,
        "Алмаз-Холдинг",
        "0.01",
        "RU",
    ),
    (
        "EARR-925",
        "Серьги серебряные 925 пробы",
        "3490",
        "jewelry",
        (UIN,),
        1,
        None,
        "Серебро России",
        "0.01",
        "RU",
    ),
    (
        "COFFEE-MACH",
        "Кофемашина автоматическая",
        "42990",
        "imported",
        (GTD,),
        1,
        None,
        "Delonghi",
        "9.5",
        "IT",
    ),
    ("WASHER-6KG", "Стиральная машина, 6 кг", "31990", "imported", (RNPT,), 1, None, "Beko", "58", "TR"),
    (
        "SPLIT-09",
        "Сплит-система 9000 BTU (внутренний и наружный блок)",
        "27990",
        "large",
        (),
        2,
        None,
        "Ballu",
        "32",
        "CN",
    ),
    ("WARDROBE-3", "Шкаф-купе 3-дверный", "24990", "large", (), 3, None, "Стендмебель", "95", "RU"),
    ("MUG-300", "Кружка керамическая, 300 мл", "390", "plain", (), 1, None, "Дулёво", "0.35", "RU"),
    ("PENCILS-24", "Набор цветных карандашей, 24 шт.", "349", "plain", (), 1, None, "Союз", "0.3", "RU"),
    ("BOOK-WP", "Книга «Война и мир», том 1", "690", "plain", (), 1, None, "Эксмо", "0.8", "RU"),
    ("CHARGER-65", "Зарядное устройство USB-C, 65 Вт", "1990", "plain", (), 1, None, "Рекам", "0.2", "CN"),
    ("CASE-PHONE", "Чехол для телефона силиконовый", "299", "plain", (), 1, None, "Рекам", "0.05", "CN"),
    ("POWERBANK-10", "Внешний аккумулятор 10000 мА·ч", "1490", "plain", (), 1, None, "Рекам", "0.25", "CN"),
)

_LAST_NAMES = (
    "Иванов",
    "Смирнов",
    "Кузнецов",
    "Попов",
    "Соколов",
    "Лебедев",
    "Козлов",
    "Новиков",
    "Морозов",
    "Волков",
    "Соловьёв",
    "Васильев",
    "Зайцев",
    "Павлов",
    "Семёнов",
    "Голубев",
)
_FIRST_NAMES = ("Александр", "Дмитрий", "Максим", "Сергей", "Андрей", "Алексей", "Иван", "Михаил")
_FEMALE_FIRST = ("Анна", "Мария", "Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Екатерина")
_MIDDLE = ("Александрович", "Сергеевич", "Иванович", "Петрович", "Андреевич", "Михайлович")
_FEMALE_MIDDLE = ("Александровна", "Сергеевна", "Ивановна", "Петровна", "Андреевна", "Михайловна")
_ADDRESSES = (
    ("Москва", "ул. Тверская", "12"),
    ("Москва", "Ленинский просп.", "45"),
    ("Химки", "ул. Молодёжная", "7"),
    ("Санкт-Петербург", "Невский просп.", "88"),
    ("Казань", "ул. Баумана", "19"),
    ("Тула", "ул. Советская", "3"),
    ("Подольск", "ул. Кирова", "21"),
    ("Екатеринбург", "ул. Малышева", "51"),
)
_SERVICES = (
    (1006360, "Яндекс Доставка"),
    (1005111, "Маркет Курьер"),
    (1003937, "Сортировочный центр Маркета"),
)
_EXPRESS_SERVICE = (1005471, "Яндекс Go Экспресс")
_DBS_SERVICE = (1006419, "Собственная служба доставки")


@dataclass(frozen=True, slots=True)
class DemoSpec:
    """One order of the scripted part of the demo set: which products, how many, and how."""

    program: str
    offers: tuple[tuple[str, int], ...]
    buyer_type: str = "PERSON"
    promo_offer: str | None = None
    notes: str = ""


# The scripted core covering every case a desk meets; the rest of the set is seeded-random.
_SCRIPTED: tuple[DemoSpec, ...] = (
    DemoSpec("FBS", (("MUG-300", 1),)),
    DemoSpec("FBS", (("BOOK-WP", 2),)),
    DemoSpec("FBS", (("PENCILS-24", 1), ("MUG-300", 2), ("CASE-PHONE", 1)), promo_offer="CASE-PHONE"),
    DemoSpec("FBS", (("SHOE-RUN-43", 1),)),
    DemoSpec("FBS", (("SHOE-WIN-38", 2), ("TSHIRT-M", 3))),
    DemoSpec("FBS", (("JACKET-L", 1), ("CHARGER-65", 1))),
    DemoSpec("FBS", (("PERF-50", 2),)),
    DemoSpec("FBS", (("MILK-1L", 4), ("CHEESE-200", 2))),
    DemoSpec("FBS", (("SHAMPOO-400", 2), ("MUG-300", 1))),
    DemoSpec("FBS", (("RING-585", 1),)),
    DemoSpec("FBS", (("EARR-925", 2), ("CASE-PHONE", 1))),
    DemoSpec("FBS", (("COFFEE-MACH", 1),)),
    DemoSpec("FBS", (("WASHER-6KG", 1),)),
    DemoSpec("FBS", (("SPLIT-09", 1),)),
    DemoSpec("FBS", (("SPLIT-09", 2),)),
    DemoSpec("FBS", (("WARDROBE-3", 1), ("MUG-300", 1))),
    DemoSpec(
        "FBS", (("TSHIRT-M", 5), ("SHAMPOO-400", 3)), buyer_type="BUSINESS", notes="Счёт на организацию"
    ),
    DemoSpec("FBS", (("POWERBANK-10", 10), ("CHARGER-65", 10)), buyer_type="BUSINESS"),
    DemoSpec("FBS", (("MILK-1L", 12),), buyer_type="BUSINESS"),
    DemoSpec("EXPRESS", (("CHARGER-65", 1),)),
    DemoSpec("EXPRESS", (("MILK-1L", 2), ("CHEESE-200", 1))),
    DemoSpec("EXPRESS", (("SHOE-RUN-43", 1), ("CASE-PHONE", 2))),
    DemoSpec("EXPRESS", (("PERF-50", 1),)),
    DemoSpec("EXPRESS", (("POWERBANK-10", 1), ("MUG-300", 1))),
    DemoSpec("DBS", (("MUG-300", 2),)),
    DemoSpec("DBS", (("SHOE-WIN-38", 1),)),
    DemoSpec("DBS", (("BOOK-WP", 1), ("PENCILS-24", 2))),
)
_RANDOM_FBS = 12  # extra seeded-random FBS orders on top of the scripted ones


def build_catalogue(seed: int) -> dict[str, Product]:
    """The demo catalogue; EAN-13 barcodes (valid check digits) depend on the seed."""
    rng = random.Random(f"catalogue-{seed}")
    catalogue: dict[str, Product] = {}
    for offer_id, name, price, category, required, boxes, shape, vendor, weight, country in _CATALOGUE:
        catalogue[offer_id] = Product(
            offer_id=offer_id,
            name=name,
            price=Decimal(price),
            ean13=codes.make_ean13(rng),
            category=category,
            required=required,
            box_count=boxes,
            cis_shape=shape,
            vendor=vendor,
            weight_kg=Decimal(weight),
            dims_cm=(rng.randint(10, 60), rng.randint(10, 40), rng.randint(5, 30)),
            country=country,
        )
    return catalogue


def build_code_stock(seed: int, catalogue: dict[str, Product]) -> dict[str, list[str]]:
    """For every marked product, valid-structure codes to scan: CIS (right GTIN, serial length
    and GS placement), UIN (16 digits), GTD or RNPT. The last two CIS codes of each product
    have serials starting with "BAD", which the default failure rule fails (for training)."""
    rng = random.Random(f"codes-{seed}")
    stock: dict[str, list[str]] = {}
    for product in catalogue.values():
        if product.cis_shape is not None:
            shape = product.cis_shape
            good = [
                codes.make_cis(rng, product.gtin14, shape.serial_len, shape.short_tail)
                for _ in range(CODES_PER_PRODUCT - 2)
            ]
            bad = [
                codes.make_cis(rng, product.gtin14, shape.serial_len, shape.short_tail, serial_prefix="BAD")
                for _ in range(2)
            ]
            stock[product.offer_id] = good + bad
        elif UIN in product.required:
            stock[product.offer_id] = [codes.make_uin(rng) for _ in range(CODES_PER_PRODUCT)]
        elif GTD in product.required:
            stock[product.offer_id] = [codes.make_gtd(rng) for _ in range(CODES_PER_PRODUCT)]
        elif RNPT in product.required:
            stock[product.offer_id] = [codes.make_rnpt(rng) for _ in range(CODES_PER_PRODUCT)]
    return stock


class OrderFactory:
    """Builds demo orders with sequential ids from a seeded generator."""

    def __init__(self, seed: int, catalogue: dict[str, Product]) -> None:
        self._rng = random.Random(f"orders-{seed}")
        self._catalogue = catalogue
        self._next_order = FIRST_ORDER_ID
        self._next_line = FIRST_LINE_ID

    def next_line_id(self) -> int:
        line_id = self._next_line
        self._next_line += 1
        return line_id

    def next_order_id(self) -> int:
        order_id = self._next_order
        self._next_order += 1
        return order_id

    def build(self, spec: DemoSpec, now: datetime, *, age_minutes: int | None = None) -> Order:
        """An order from `spec` created `age_minutes` before `now` (random when None)."""
        rng = self._rng
        lines = [
            Line(
                id=self.next_line_id(),
                product=self._catalogue[offer_id],
                count=count,
                unit_price=self._catalogue[offer_id].price,
                promo=offer_id == spec.promo_offer,
            )
            for offer_id, count in spec.offers
        ]
        age = timedelta(minutes=age_minutes if age_minutes is not None else rng.randint(5, 600))
        created = now - age
        female = rng.random() < 0.5
        recipient = Recipient(
            last_name=rng.choice(_LAST_NAMES) + ("а" if female else ""),
            first_name=rng.choice(_FEMALE_FIRST if female else _FIRST_NAMES),
            middle_name=rng.choice(_FEMALE_MIDDLE if female else _MIDDLE),
            phone="+7 (999) " + f"{rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}",
        )
        city, street, house = rng.choice(_ADDRESSES)
        campaign = {"DBS": DEMO_DBS_CAMPAIGN_ID, "LAAS": DEMO_LAAS_CAMPAIGN_ID}.get(
            spec.program, DEMO_CAMPAIGN_ID
        )
        if spec.program == "EXPRESS":
            service_id, service_name = _EXPRESS_SERVICE
            due = now + timedelta(minutes=rng.randint(12, 55))
            shipment_date, shipment_time = due.date(), due.time().replace(second=0, microsecond=0)
            created = now - timedelta(minutes=rng.randint(2, 20))
        elif spec.program == "DBS":
            service_id, service_name = _DBS_SERVICE
            shipment_date, shipment_time = (now + timedelta(days=rng.randint(0, 2))).date(), None
        else:
            service_id, service_name = rng.choice(_SERVICES)
            shipment_date, shipment_time = (now + timedelta(days=rng.randint(0, 3))).date(), None
        business = spec.buyer_type == "BUSINESS"
        order_id = self.next_order_id()
        return Order(
            id=order_id,
            campaign_id=campaign,
            program=spec.program,
            status="PROCESSING",
            substatus="STARTED",
            lines=lines,
            created_at=created,
            updated_at=created,
            shipment_date=shipment_date,
            shipment_time=shipment_time,
            recipient=recipient,
            city=city,
            street=street,
            house=house,
            buyer_type=spec.buyer_type,
            payment_method="B2B_ACCOUNT_PREPAYMENT"
            if business
            else rng.choice(("YANDEX", "SBP", "APPLE_PAY")),
            delivery_service_id=service_id,
            delivery_service_name=service_name,
            notes=spec.notes,
        )

    def random_spec(self, program: str = "FBS") -> DemoSpec:
        """A plausible random order: 1-3 lines of unmarked or marked goods."""
        rng = self._rng
        offers = rng.sample(sorted(self._catalogue), k=rng.choice((1, 1, 2, 3)))
        picked = tuple(
            (offer, 1 if self._catalogue[offer].box_count > 1 else rng.choice((1, 1, 2, 3)))
            for offer in offers
        )
        return DemoSpec(program, picked, buyer_type="BUSINESS" if rng.random() < 0.1 else "PERSON")


def build_orders(factory: OrderFactory, now: datetime, order_count: int | None = None) -> Iterator[Order]:
    """The demo order set: the scripted core plus seeded-random FBS orders.

    Args:
        factory: the seeded order builder.
        now: the sandbox clock's now (Express deadlines are set relative to it).
        order_count: total orders wanted (e.g. 5000 for benchmarks); default: scripted + 12 random.
    """
    total = order_count if order_count is not None else len(_SCRIPTED) + _RANDOM_FBS
    for index in range(total):
        spec = _SCRIPTED[index] if index < len(_SCRIPTED) else factory.random_spec()
        yield factory.build(spec, now)
