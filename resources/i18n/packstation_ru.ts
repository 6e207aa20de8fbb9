<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../packstation/services/packing/actions.py" line="94"/>
        <source>The order changed (%1/%2). Put the items back.</source>
        <translation>Заказ изменился (%1/%2). Верните товары на полку.</translation>
    </message>
</context>
<context>
    <name>AppStatusBar</name>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="70"/>
        <source>Scan your badge, or pick your name here, to sign in</source>
        <translation>Отсканируйте бейдж или выберите своё имя здесь, чтобы войти</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="80"/>
        <source>Packer: %1</source>
        <translation>Упаковщик: %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="80"/>
        <source>Packer: not signed in</source>
        <translation>Упаковщик: не вошёл</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/status_bar.py" line="84"/>
        <source>Orders: %n</source>
        <translation>
            <numerusform>Заказов: %n</numerusform>
            <numerusform>Заказов: %n</numerusform>
            <numerusform>Заказов: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="86"/>
        <source>Orders: %1 of %2</source>
        <translation>Заказов: %1 из %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/status_bar.py" line="92"/>
        <source>Today: %n due</source>
        <translation>
            <numerusform>Сегодня: %n заказ к отгрузке</numerusform>
            <numerusform>Сегодня: %n заказа к отгрузке</numerusform>
            <numerusform>Сегодня: %n заказов к отгрузке</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/status_bar.py" line="93"/>
        <source>%n packed</source>
        <translation>
            <numerusform>%n упакован</numerusform>
            <numerusform>%n упакованы</numerusform>
            <numerusform>%n упаковано</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/status_bar.py" line="94"/>
        <source>%n late</source>
        <translation>
            <numerusform>%n просрочен</numerusform>
            <numerusform>%n просрочены</numerusform>
            <numerusform>%n просрочено</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="100"/>
        <source>Updated at %1</source>
        <translation>Обновлено в %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="106"/>
        <source>List of %1 — updating…</source>
        <translation>Список от %1 — обновляется…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="108"/>
        <source>The orders this station listed last time, shown until the Market answers</source>
        <translation>Заказы, которые это место показывало в прошлый раз, — до ответа Маркета</translation>
    </message>
</context>
<context>
    <name>AuditExport</name>
    <message>
        <location filename="../../packstation/storage/audit_export.py" line="62"/>
        <source>Exported %1 records to %2</source>
        <translation>Выгружено записей: %1 -&gt; %2</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/audit_export.py" line="76"/>
        <source>The start date %1 is after the end date %2.</source>
        <translation>Начальная дата %1 позже конечной %2.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/audit_export.py" line="77"/>
        <source>Swap --from and --to.</source>
        <translation>Поменяйте --from и --to местами.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/audit_export.py" line="122"/>
        <source>Refusing to export into %1: it is the station&apos;s journal, which would be destroyed.</source>
        <translation>Нельзя выгружать в %1: это файл журнала станции, он был бы уничтожен.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/audit_export.py" line="126"/>
        <source>Give --out another file, e.g. audit.csv.</source>
        <translation>Укажите в --out другой файл, например audit.csv.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/audit_export.py" line="130"/>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 — это папка, а не файл.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/audit_export.py" line="131"/>
        <source>Give --out a file name, e.g. audit.csv.</source>
        <translation>Укажите в --out имя файла, например audit.csv.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/audit_export.py" line="135"/>
        <source>The file %1 already exists.</source>
        <translation>Файл %1 уже существует.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/audit_export.py" line="136"/>
        <source>Choose another name, or add --force to replace it.</source>
        <translation>Укажите другое имя или добавьте --force, чтобы заменить его.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/audit_export.py" line="173"/>
        <source>Could not write %1: %2.</source>
        <translation>Не удалось записать файл %1: %2.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/audit_export.py" line="174"/>
        <source>Check the --out path and the folder&apos;s permissions.</source>
        <translation>Проверьте путь в --out и права на папку.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/audit_export.py" line="190"/>
        <source>Invalid date in %1: &apos;%2&apos;. Use YYYY-MM-DD.</source>
        <translation>Неверная дата в %1: «%2». Нужен формат ГГГГ-ММ-ДД.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/audit_export.py" line="205"/>
        <source>No journal found at %1.</source>
        <translation>Журнал не найден: %1.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/audit_export.py" line="206"/>
        <source>Point --data-dir at the station&apos;s data folder.</source>
        <translation>Укажите папку данных станции параметром --data-dir.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/audit_export.py" line="213"/>
        <source>The journal %1 cannot be read: %2.</source>
        <translation>Журнал %1 не читается: %2.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/audit_export.py" line="214"/>
        <source>Start the app: a damaged journal is replaced and the old one kept.</source>
        <translation>Запустите программу: повреждённый журнал будет заменён, а старый сохранён.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/audit_export.py" line="221"/>
        <source>The journal %1 is an old version (schema %2) without an audit log.</source>
        <translation>Журнал %1 старой версии (схема %2) и ещё не содержит аудита.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/audit_export.py" line="224"/>
        <source>Start the app once to upgrade the journal.</source>
        <translation>Запустите программу один раз, чтобы обновить журнал.</translation>
    </message>
</context>
<context>
    <name>BoxWeight</name>
    <message>
        <location filename="../../packstation/domain/box_weight.py" line="157"/>
        <source>Box %1 has not been weighed.</source>
        <translation>Коробка %1 не взвешена.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/box_weight.py" line="158"/>
        <source>Put it on the scale.</source>
        <translation>Поставьте её на весы.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/box_weight.py" line="164"/>
        <source>Box %1 weighs %2 kg, expected %3 ± %4: check its content.</source>
        <translation>Коробка %1 весит %2 кг, ожидалось %3 ± %4: проверьте её содержимое.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/box_weight.py" line="170"/>
        <source>Weigh it again or accept the weight.</source>
        <translation>Взвесьте её ещё раз или подтвердите вес.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/box_weight.py" line="177"/>
        <source>%1.%2</source>
        <translation>%1,%2</translation>
    </message>
</context>
<context>
    <name>BoxesModel</name>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="631"/>
        <source>Box {n}: part {current} of {total}</source>
        <translation>Коробка {n}: часть {current} из {total}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="636"/>
        <source>Box {n}: empty</source>
        <translation>Коробка {n}: пустая</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="638"/>
        <source>Box {n}: whole goods, {units} pcs</source>
        <translation>Коробка {n}: целые товары, {units} шт.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="640"/>
        <source>(closed)</source>
        <translation>(закрыта)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="642"/>
        <source>← scans go here</source>
        <translation>← сканы сюда</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="649"/>
        <source>checked</source>
        <translation>проверен</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="650"/>
        <source>being checked</source>
        <translation>проверяется</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="651"/>
        <source>not checked</source>
        <translation>не проверяется</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="652"/>
        <source>refused: scan another</source>
        <translation>отклонён: отсканируйте другой</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="653"/>
        <source>sale forbidden: scan another</source>
        <translation>продажа запрещена: отсканируйте другой</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="654"/>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="721"/>
        <source>+ Drop here for a new box</source>
        <translation>+ Перетащите сюда — новая коробка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="728"/>
        <source>{name} (part {current} of {total})</source>
        <translation>{name} (часть {current} из {total})</translation>
    </message>
</context>
<context>
    <name>CancelOrderDialog</name>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="130"/>
        <source>Cancel order %1</source>
        <translation>Отмена заказа %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="133"/>
        <source>The order will be cancelled on the Market because the shop cannot fulfil it (SHOP_FAILED). The buyer is notified; this cannot be undone and counts against the store&apos;s rating. Put the items back on the shelf.</source>
        <translation>Заказ будет отменён в Маркете, потому что магазин не может его выполнить (SHOP_FAILED). Покупатель получит уведомление; отменить это нельзя, и это влияет на рейтинг магазина. Верните товары на полку.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="140"/>
        <source>Yes, cancel this order</source>
        <translation>Да, отменить этот заказ</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="143"/>
        <source>Cancel order</source>
        <translation>Отменить заказ</translation>
    </message>
</context>
<context>
    <name>CheckCode</name>
    <message>
        <location filename="../../packstation/devices/check_code.py" line="40"/>
        <source>internal error: %1</source>
        <translation>внутренняя ошибка: %1</translation>
    </message>
    <message>
        <location filename="../../packstation/devices/check_code.py" line="50"/>
        <source>cannot read the input: %1</source>
        <translation>не удалось прочитать ввод: %1</translation>
    </message>
    <message>
        <location filename="../../packstation/devices/check_code.py" line="56"/>
        <source>no code given: pass it as an argument or on stdin (-)</source>
        <translation>нет кода: передайте код аргументом или через stdin (-)</translation>
    </message>
    <message>
        <location filename="../../packstation/devices/check_code.py" line="60"/>
        <source>one code per call: the input has several lines</source>
        <translation>по одному коду за раз</translation>
    </message>
</context>
<context>
    <name>Cis</name>
    <message>
        <location filename="../../packstation/domain/cis.py" line="351"/>
        <source>(%1) is not a date YYMMDD</source>
        <translation>(%1) не является датой ГГММДД</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="354"/>
        <source>(91) verification key must be 4 Latin letters or digits</source>
        <translation>(91) ключ проверки — 4 латинские буквы или цифры: код повреждён</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="359"/>
        <source>(93) verification code</source>
        <translation>(93) код проверки</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="365"/>
        <source>%1GTIN %2 is all zeros: it names no product</source>
        <translation>%1GTIN %2 из одних нулей — такого товара нет: код повреждён</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="368"/>
        <source>%1GTIN %2: %3</source>
        <translation>%1GTIN %2: неверная контрольная цифра — код повреждён или набран с ошибкой</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="383"/>
        <source>(92) crypto signature is damaged: it must be 44 or 88 base64 characters ending in &apos;=&apos;</source>
        <translation>(92) криптоподпись повреждена: должно быть 44 или 88 символов base64 с &apos;=&apos; в конце</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="390"/>
        <source>%1 must be 4 Latin letters, digits, &apos;+&apos; or &apos;/&apos;</source>
        <translation>%1 — 4 латинские буквы, цифры, &apos;+&apos; или &apos;/&apos;: код повреждён</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="410"/>
        <source>not valid GS1 syntax: %1</source>
        <translation>код не соответствует синтаксису GS1 (недопустимые символы)</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="454"/>
        <source>GTIN %1 names a package of packs, not a pack: a tobacco pack&apos;s GTIN starts with 0</source>
        <translation>GTIN %1 — это упаковка пачек, а не пачка: GTIN пачки начинается с 0</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="462"/>
        <source>the serial or price part contains characters a tobacco pack code never has</source>
        <translation>в серийном номере или коде цены пачки недопустимые символы: код повреждён</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="469"/>
        <source>the verification code (last 4 characters)</source>
        <translation>код проверки (последние 4 символа)</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="493"/>
        <source>contains Cyrillic letters: the scan was typed under the Russian keyboard layout</source>
        <translation>в коде русские буквы: сканер печатал в русской раскладке — переключите раскладку или сканер</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="498"/>
        <source>contains characters other than printable ASCII (spaces, control or national characters)</source>
        <translation>в коде недопустимые символы (пробелы, управляющие или национальные символы)</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="505"/>
        <source>%1 characters: a marking code has at most %2</source>
        <translation>%1 символов: код маркировки не длиннее %2</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="510"/>
        <source>GTIN %1 is not a barcode of this item: wrong product&apos;s code</source>
        <translation>GTIN %1 не совпадает со штрихкодом товара: это код другого товара</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="519"/>
        <source>GS separators are missing and the code can be read more than one way: rescan it</source>
        <translation>в коде потеряны разделители GS и его нельзя однозначно восстановить — отсканируйте ещё раз</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="525"/>
        <source>does not start with (01) and a 14-digit GTIN</source>
        <translation>код не начинается с (01) и 14-значного GTIN</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="528"/>
        <source>(01) GTIN: %1</source>
        <translation>(01) GTIN: неверная контрольная цифра</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="531"/>
        <source>(21) serial number must follow the GTIN</source>
        <translation>после GTIN должен идти (21) серийный номер</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="539"/>
        <source>GS separators are missing and no valid code can be rebuilt from it: rescan it</source>
        <translation>в коде потеряны разделители GS и восстановить его не удалось — отсканируйте ещё раз</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="548"/>
        <source>(21) serial has %1 characters; Chestny Znak serials have 6, 7, 8, 13 or 20</source>
        <translation>(21) серийный номер из %1 символов, а должно быть 6, 7, 8, 13 или 20</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="557"/>
        <source>unsupported element %1…</source>
        <translation>неподдерживаемый элемент %1…</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="564"/>
        <source>%1 or %2</source>
        <translation>%1 или %2</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="566"/>
        <source>(%1) has %2 characters, expected %3</source>
        <translation>(%1) из %2 символов, ожидается %3</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="573"/>
        <source>a (91)+(92) tail follows a serial of 13 or 20 characters, not %1</source>
        <translation>криптохвост (91)+(92) идёт после серийного номера из 13 или 20 символов, а не %1</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="581"/>
        <source>the elements are not in a Chestny Znak order ((01)(21)…(91)(92) or …(93))</source>
        <translation>элементы кода идут не в порядке Честного знака ((01)(21)…(91)(92) или …(93))</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/cis.py" line="598"/>
        <source>no crypto tail ((91)+(92) or (93)): scan the DataMatrix itself, not the text printed under it</source>
        <translation>нет криптохвоста ((91)+(92) или (93)): сканируйте сам DataMatrix, а не текст под ним</translation>
    </message>
</context>
<context>
    <name>ClaimGate</name>
    <message>
        <location filename="../../packstation/services/desk_claims.py" line="52"/>
        <source>packing at desk %1 (%2), since %3</source>
        <translation>собирается на столе %1 (%2), с %3</translation>
    </message>
    <message>
        <location filename="../../packstation/services/desk_claims.py" line="55"/>
        <source>packing at desk %1, since %2</source>
        <translation>собирается на столе %1, с %2</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/fleet_gate.py" line="81"/>
        <source>Order is packed at another desk</source>
        <translation>Заказ собирают на другом столе</translation>
    </message>
    <message>
        <location filename="../../packstation/services/desk_claims.py" line="63"/>
        <location filename="../../packstation/ui/fleet_gate.py" line="82"/>
        <location filename="../../packstation/ui/fleet_gate.py" line="111"/>
        <source>Order %1 is %2.</source>
        <translation>Заказ %1 %2.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/fleet_gate.py" line="87"/>
        <source>Take it over only if that desk is down: its claim moves to this desk and it is recorded.</source>
        <translation>Забирайте заказ, только если тот стол не работает: заказ перейдёт на этот стол, и это будет записано в историю.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/fleet_gate.py" line="92"/>
        <source>Take over</source>
        <translation>Забрать заказ</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/fleet_gate.py" line="134"/>
        <source>Warehouse database offline: codes are checked at this desk only.</source>
        <translation>База склада недоступна: коды проверяются только на этом столе.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/fleet_gate.py" line="140"/>
        <source>Warehouse database is back. Taken by other desks meanwhile:</source>
        <translation>База склада снова доступна. За это время другие столы заняли:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/fleet_gate.py" line="146"/>
        <source>Warehouse database is back: claims and codes are shared again.</source>
        <translation>База склада снова доступна: заказы и коды снова общие для всех столов.</translation>
    </message>
</context>
<context>
    <name>Classify</name>
    <message>
        <location filename="../../packstation/domain/classify.py" line="46"/>
        <source>empty scan</source>
        <translation>пустой скан</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/classify.py" line="75"/>
        <source>not a known barcode: not an order, item, marking code or command</source>
        <translation>штрихкод не распознан: это не заказ, не товар, не код маркировки и не команда</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/classify.py" line="107"/>
        <source>item barcode: %1</source>
        <translation>штрихкод товара: неверная контрольная цифра — отсканируйте ещё раз</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/classify.py" line="114"/>
        <source>%1 digits: not an order number, item barcode (8/12/13/14) or UIN (16)</source>
        <translation>%1 цифр: это не номер заказа, не штрихкод товара (8/12/13/14) и не УИН (16)</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/classify.py" line="134"/>
        <source>the second part %1 is not a declaration date DDMMYY</source>
        <translation>вторая часть %1 — не дата декларации ДДММГГ</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../packstation/fleet/cli.py" line="33"/>
        <source>Cannot connect to the warehouse database %1: %2</source>
        <translation>Нет соединения с базой склада %1: %2</translation>
    </message>
</context>
<context>
    <name>Client</name>
    <message>
        <location filename="../../packstation/market/client.py" line="487"/>
        <source>The Market could not generate the labels (%1).</source>
        <translation>Маркет не смог сформировать ярлыки (%1).</translation>
    </message>
    <message>
        <location filename="../../packstation/market/client.py" line="488"/>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../packstation/market/client.py" line="491"/>
        <source>Check the order numbers and try again.</source>
        <translation>Проверьте номера заказов и повторите.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/client.py" line="495"/>
        <source>The Market is taking too long to generate the labels.</source>
        <translation>Маркет слишком долго готовит ярлыки.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/client.py" line="497"/>
        <source>Try again later.</source>
        <translation>Повторите позже.</translation>
    </message>
</context>
<context>
    <name>CodeGuard</name>
    <message>
        <location filename="../../packstation/services/code_guard.py" line="74"/>
        <source>This code (%1) was already used in order %2 (%3).</source>
        <translation>Этот код (%1) уже использован в заказе %2 (%3).</translation>
    </message>
    <message>
        <location filename="../../packstation/services/code_guard.py" line="77"/>
        <location filename="../../packstation/services/code_guard.py" line="95"/>
        <source>Scan this unit&apos;s own code; if order %1 was cancelled, release it there.</source>
        <translation>Сканируйте код этой единицы; если заказ %1 отменён, освободите код там.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/code_guard.py" line="92"/>
        <source>This code (%1) is already in order %2 at desk %3.</source>
        <translation>Этот код (%1) уже в заказе %2 на столе %3.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/code_guard.py" line="129"/>
        <source>This code (%1) was already scanned in this order.</source>
        <translation>Этот код (%1) уже отсканирован в этом заказе.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/code_guard.py" line="132"/>
        <source>Every unit has its own code: scan the code on the next unit.</source>
        <translation>У каждой единицы товара свой код: отсканируйте код на следующей единице.</translation>
    </message>
</context>
<context>
    <name>CodeReservations</name>
    <message>
        <location filename="../../packstation/fleet/code_reservations.py" line="202"/>
        <source>code %1… of order %2 is held by order %3 at desk %4</source>
        <translation>код %1… заказа %2 уже в заказе %3 на столе %4</translation>
    </message>
</context>
<context>
    <name>Codec</name>
    <message>
        <location filename="../../packstation/storage/codec.py" line="40"/>
        <source>Could not store the %1: the data cannot be serialized (%2).</source>
        <translation>Не удалось сохранить %1: данные не сериализуются (%2).</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/codec.py" line="43"/>
        <source>This is a bug; please report it.</source>
        <translation>Это ошибка программы; сообщите в поддержку.</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="31"/>
        <source>Demo</source>
        <translation>Демо</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="32"/>
        <source>Online</source>
        <translation>В сети</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="33"/>
        <source>Offline</source>
        <translation>Нет связи</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="34"/>
        <source>Rate-limited</source>
        <translation>Лимит запросов</translation>
    </message>
</context>
<context>
    <name>CountryDialog</name>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="194"/>
        <source>Country of origin</source>
        <translation>Страна происхождения</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="203"/>
        <source>Customs declaration</source>
        <translation>Таможенная декларация (ГТД)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="204"/>
        <source>Country code (two letters)</source>
        <translation>Код страны (две буквы)</translation>
    </message>
</context>
<context>
    <name>CourierBanner</name>
    <message>
        <location filename="../../packstation/ui/couriers_panel.py" line="135"/>
        <source>Open hand-over</source>
        <translation>Открыть передачу</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/couriers_panel.py" line="141"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/couriers_panel.py" line="158"/>
        <source>Courier arrived for order %1</source>
        <translation>Курьер прибыл за заказом %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/couriers_panel.py" line="160"/>
        <source>Courier found for order %1: on the way</source>
        <translation>Курьер назначен на заказ %1: едет к вам</translation>
    </message>
</context>
<context>
    <name>CourierWiring</name>
    <message>
        <location filename="../../packstation/app/courier_wiring.py" line="61"/>
        <location filename="../../packstation/app/courier_wiring.py" line="71"/>
        <source>Couriers</source>
        <translation>Курьеры</translation>
    </message>
    <message>
        <location filename="../../packstation/app/courier_wiring.py" line="73"/>
        <source>Express orders waiting for their courier (F7)</source>
        <translation>Заказы Экспресс, ожидающие курьера (F7)</translation>
    </message>
</context>
<context>
    <name>CouriersPanel</name>
    <message>
        <location filename="../../packstation/ui/couriers_panel.py" line="55"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/couriers_panel.py" line="55"/>
        <source>Courier</source>
        <translation>Курьер</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/couriers_panel.py" line="55"/>
        <source>Car</source>
        <translation>Машина</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/couriers_panel.py" line="55"/>
        <source>Hand-over</source>
        <translation>Передача</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/couriers_panel.py" line="67"/>
        <source>No packed Express orders are waiting for a courier.</source>
        <translation>Нет собранных заказов Экспресс, ожидающих курьера.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/couriers_panel.py" line="69"/>
        <source>Scan a parcel&apos;s box label to open its hand-over.</source>
        <translation>Отсканируйте ярлык грузоместа, чтобы открыть передачу заказа.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/couriers_panel.py" line="106"/>
        <source>Check the courier&apos;s code</source>
        <translation>Проверить код курьера</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/couriers_panel.py" line="108"/>
        <source>Tell the courier: %1</source>
        <translation>Назвать курьеру: %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/couriers_panel.py" line="109"/>
        <source>Tell the courier the Market&apos;s code</source>
        <translation>Назвать курьеру код Маркета</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../packstation/ui/crash_dialog.py" line="44"/>
        <source>Unexpected error</source>
        <translation>Непредвиденная ошибка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/crash_dialog.py" line="49"/>
        <source>Something went wrong inside Packstation. Your packing progress is saved; you can continue working. If it happens again, send the log file to support.</source>
        <translation>В Packstation произошла внутренняя ошибка. Сделанная упаковка сохранена, можно продолжать работу. Если ошибка повторится, отправьте файл журнала в поддержку.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/crash_dialog.py" line="57"/>
        <source>(no log file: logging to the console)</source>
        <translation>(файла журнала нет: сообщения выводятся в консоль)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/crash_dialog.py" line="58"/>
        <source>Log file: %1</source>
        <translation>Файл журнала: %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/crash_dialog.py" line="64"/>
        <source>Copy details</source>
        <translation>Скопировать подробности</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <location filename="../../packstation/storage/database.py" line="215"/>
        <source>Could not write the action to the journal (%1): %2. The action was not done.</source>
        <translation>Не удалось записать действие в журнал (%1): %2. Действие не выполнено.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/database.py" line="218"/>
        <source>Check the free disk space and try again.</source>
        <translation>Проверьте свободное место на диске и повторите.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/database.py" line="225"/>
        <source>Could not read the journal (%1): %2.</source>
        <translation>Не удалось прочитать журнал (%1): %2.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/database.py" line="226"/>
        <source>Restart the app; if it happens again, contact support.</source>
        <translation>Перезапустите программу; если ошибка повторится, обратитесь в поддержку.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/database.py" line="297"/>
        <source>Could not create the journal in %1: %2.</source>
        <translation>Не удалось создать журнал в %1: %2.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/database.py" line="298"/>
        <source>Choose a writable folder with --data-dir.</source>
        <translation>Укажите доступную папку параметром --data-dir.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/database.py" line="314"/>
        <source>it was written by a newer Packstation (schema %1)</source>
        <translation>он создан более новой версией Packstation (схема %1)</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/database.py" line="318"/>
        <source>the file is damaged (%1)</source>
        <translation>файл повреждён (%1)</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/database.py" line="361"/>
        <source>the file cannot be read: %1</source>
        <translation>файл не читается: %1</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/database.py" line="364"/>
        <source>the file is damaged or not a database</source>
        <translation>файл повреждён или не является базой данных</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/database.py" line="371"/>
        <source>the file is locked by another program (perhaps a second Packstation window): %1</source>
        <translation>файл занят другой программой (возможно, вторым окном Packstation): %1</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/database.py" line="377"/>
        <source>the file cannot be opened (missing folder or no permission): %1</source>
        <translation>файл не открывается (нет папки или прав доступа): %1</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/database.py" line="382"/>
        <source>the file is damaged or not a database: %1</source>
        <translation>файл повреждён или не является базой данных: %1</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/database.py" line="409"/>
        <source>The old file was kept as %1.</source>
        <translation>Старый файл сохранён как %1.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/database.py" line="411"/>
        <source>The old file could not be moved.</source>
        <translation>Старый файл переместить не удалось.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/database.py" line="413"/>
        <source>The journal %1 cannot be used: %2. A new journal was started. %3</source>
        <translation>Журнал %1 нельзя использовать: %2. Создан новый журнал. %3</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/database.py" line="416"/>
        <source>Unfinished packing from the old journal was not restored; tell support.</source>
        <translation>Незавершённые сборки из старого журнала не восстановлены; сообщите в поддержку.</translation>
    </message>
</context>
<context>
    <name>Deadline</name>
    <message>
        <location filename="../../packstation/ui/format.py" line="41"/>
        <source>in %1</source>
        <translation>через %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/format.py" line="43"/>
        <source>late %1</source>
        <translation>просрочено %1</translation>
    </message>
</context>
<context>
    <name>DeskClaims</name>
    <message>
        <location filename="../../packstation/services/desk_claims.py" line="64"/>
        <source>If that desk is down, take the order over (&quot;Take over&quot;).</source>
        <translation>Если тот стол сломался, заберите заказ себе («Забрать заказ»).</translation>
    </message>
    <message>
        <location filename="../../packstation/services/desk_claims.py" line="208"/>
        <source>order %1 is %2</source>
        <translation>заказ %1 %2</translation>
    </message>
</context>
<context>
    <name>Dsn</name>
    <message>
        <location filename="../../packstation/fleet/dsn.py" line="36"/>
        <source>The warehouse database address is not valid: %1.</source>
        <translation>Адрес базы склада не распознан: %1.</translation>
    </message>
    <message>
        <location filename="../../packstation/fleet/dsn.py" line="37"/>
        <source>Example: postgresql://packer@server/warehouse</source>
        <translation>Пример: postgresql://packer@server/warehouse</translation>
    </message>
    <message>
        <location filename="../../packstation/fleet/dsn.py" line="41"/>
        <source>The warehouse database password must not be part of the address.</source>
        <translation>Пароль базы склада нельзя указывать в адресе.</translation>
    </message>
    <message>
        <location filename="../../packstation/fleet/dsn.py" line="42"/>
        <source>Keep the password in ~/.pgpass or the system keyring.</source>
        <translation>Сохраните пароль в ~/.pgpass или в хранилище паролей системы.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../packstation/domain/errors.py" line="28"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>FleetPorts</name>
    <message>
        <location filename="../../packstation/services/fleet_ports.py" line="23"/>
        <source>warehouse database offline: codes are checked at this desk only</source>
        <translation>База склада недоступна: коды проверяются только на этом столе</translation>
    </message>
    <message>
        <location filename="../../packstation/services/fleet_ports.py" line="29"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="42"/>
        <source>No courier yet: the Market is about to look for one</source>
        <translation>Курьера ещё нет: Маркет скоро начнёт поиск</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="43"/>
        <source>No courier yet: the Market is looking for one</source>
        <translation>Курьера ещё нет: Маркет ищет курьера</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="44"/>
        <source>Courier found, on the way</source>
        <translation>Курьер найден, едет к вам</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="45"/>
        <source>Courier on the way</source>
        <translation>Курьер в пути</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="46"/>
        <source>Courier arrived</source>
        <translation>Курьер прибыл</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="62"/>
        <source>Give the parcels to the courier.</source>
        <translation>Отдайте посылки курьеру.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="63"/>
        <source>✔ Code accepted</source>
        <translation>✔ Код принят</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="66"/>
        <source>Attempts left: %1</source>
        <translation>Осталось попыток: %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="67"/>
        <source>Ask the courier again.</source>
        <translation>Уточните код у курьера.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="68"/>
        <source>✖ Wrong code</source>
        <translation>✖ Неверный код</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="70"/>
        <source>The Market sends the courier a new code: ask them to refresh it in their app.</source>
        <translation>Маркет выдаст курьеру новый код: попросите обновить его в приложении.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="73"/>
        <source>✖ No attempts left</source>
        <translation>✖ Попытки закончились</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="75"/>
        <source>The Market has no courier at the desk for this order yet. Nothing was spent.</source>
        <translation>Маркет ещё не назначил курьера на этот заказ. Попытка не потрачена.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="78"/>
        <source>No courier yet</source>
        <translation>Курьера ещё нет</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="80"/>
        <source>⚠ No answer from the Market</source>
        <translation>⚠ Нет ответа от Маркета</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="82"/>
        <source>✖ Not a courier code</source>
        <translation>✖ Это не код курьера</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="84"/>
        <source>✖ Not sent</source>
        <translation>✖ Код не отправлен</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="85"/>
        <source>The Market gave no clear answer: try again.</source>
        <translation>Маркет не дал ясного ответа: попробуйте ещё раз.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="86"/>
        <source>✖ The Market refused</source>
        <translation>✖ Маркет отказал</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/courier_handover.py" line="60"/>
        <source>Not a courier code: a courier&apos;s code is %1 to %2 digits.</source>
        <translation>Это не код курьера: код курьера — от %1 до %2 цифр.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/courier_handover.py" line="61"/>
        <source>None of the courier&apos;s attempts was used. Ask the courier for the code.</source>
        <translation>Попытка курьера не потрачена. Спросите код у курьера.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/packing/handover.py" line="46"/>
        <source>For this order you give the code: tell the courier the code shown on the screen.</source>
        <translation>По этому заказу код называете вы: скажите курьеру код, показанный на экране.</translation>
    </message>
</context>
<context>
    <name>HandoverPage</name>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="101"/>
        <source>Hand the order to the courier</source>
        <translation>Передача заказа курьеру</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="108"/>
        <location filename="../../packstation/ui/handover_page.py" line="166"/>
        <source>Ask the courier for the code in their app and type or scan it.</source>
        <translation>Спросите у курьера код из его приложения и введите или отсканируйте его.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="112"/>
        <source>Courier code</source>
        <translation>Код курьера</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="115"/>
        <source>Check code</source>
        <translation>Проверить код</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="161"/>
        <source>Handed over to the courier</source>
        <translation>Передан курьеру</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="169"/>
        <source>Tell the courier this code: they enter it in their app.</source>
        <translation>Назовите курьеру этот код: он введёт его в своём приложении.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/handover_page.py" line="173"/>
        <source>The Market has not given the code for the courier yet.</source>
        <translation>Маркет ещё не выдал код для курьера.</translation>
    </message>
</context>
<context>
    <name>HelpSheets</name>
    <message>
        <location filename="../../packstation/ui/help_sheets.py" line="21"/>
        <source>Could not save the demo sheet to {path}: {reason}</source>
        <translation>Не удалось сохранить демо-лист в {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/help_sheets.py" line="24"/>
        <source>Demo sheet saved to {path}: print it and scan from it.</source>
        <translation>Демо-лист сохранён в {path}: распечатайте его и сканируйте с листа.</translation>
    </message>
</context>
<context>
    <name>Identifiers</name>
    <message>
        <location filename="../../packstation/domain/identifiers.py" line="388"/>
        <source>&apos;%1&apos; is not a country code. Use the two-letter ISO code, e.g. RU, CN, TR.</source>
        <translation>«%1» — не код страны. Нужен двухбуквенный код ISO, например RU, CN, TR.</translation>
    </message>
</context>
<context>
    <name>InstanceLock</name>
    <message>
        <location filename="../../packstation/storage/instance_lock.py" line="74"/>
        <source> (process %1)</source>
        <translation> (процесс %1)</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/instance_lock.py" line="76"/>
        <source>Packstation is already running with the data folder %1%2. This second start was refused so that two packers&apos; work is never mixed in one journal.</source>
        <translation>Packstation уже запущен с папкой данных %1%2. Второй запуск отменён, чтобы не смешать работу двух упаковщиков в одном журнале.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/instance_lock.py" line="81"/>
        <source>Switch to the open Packstation window. For a second packing desk use another folder with --data-dir.</source>
        <translation>Перейдите в открытое окно Packstation. Для второго рабочего места укажите другую папку параметром --data-dir.</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <location filename="../../packstation/storage/journal.py" line="119"/>
        <source>packing action</source>
        <translation>действие сборки</translation>
    </message>
</context>
<context>
    <name>Laas</name>
    <message>
        <location filename="../../packstation/services/laas.py" line="60"/>
        <source>Not enough stock in the Market&apos;s warehouses.</source>
        <translation>Не хватает товара на складах Маркета.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/laas.py" line="64"/>
        <source>This offer is not in the catalogue.</source>
        <translation>Такого товара нет в каталоге.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/laas.py" line="68"/>
        <source>The Market&apos;s couriers do not deliver to this address.</source>
        <translation>Курьер Маркета не доставляет по этому адресу.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/laas.py" line="72"/>
        <source>The Market does not know this pickup point.</source>
        <translation>Маркет не знает такого пункта выдачи.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/laas.py" line="76"/>
        <source>An order with this number already exists.</source>
        <translation>Заказ с таким номером уже создан.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/laas.py" line="85"/>
        <source>%1 Market: %2</source>
        <translation>%1 Маркет: %2</translation>
    </message>
    <message>
        <location filename="../../packstation/services/laas.py" line="95"/>
        <source>The Market refused the order.</source>
        <translation>Маркет отклонил заказ.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/laas.py" line="127"/>
        <source>%1: check the count and price.</source>
        <translation>%1: проверьте количество и цену.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/laas.py" line="129"/>
        <source>%1: the count must be 1 to 1000.</source>
        <translation>%1: количество от 1 до 1000.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/laas.py" line="131"/>
        <source>%1: the price must be above zero.</source>
        <translation>%1: цена должна быть больше нуля.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/laas.py" line="134"/>
        <source>Add at least one offer.</source>
        <translation>Добавьте хотя бы один товар.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/laas.py" line="136"/>
        <source>List each offer once.</source>
        <translation>Каждый товар — одной строкой.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/laas.py" line="143"/>
        <source>Choose a pickup point.</source>
        <translation>Выберите пункт выдачи.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/laas.py" line="148"/>
        <source>Give the full address with region and city: &quot;Moscow, Tverskaya st., 1&quot;.</source>
        <translation>Укажите полный адрес с регионом и городом: «Москва, ул. Тверская, д. 1».</translation>
    </message>
    <message>
        <location filename="../../packstation/services/laas.py" line="157"/>
        <source>The floor must be a number.</source>
        <translation>Этаж — числом.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/laas.py" line="167"/>
        <source>Give the recipient&apos;s last name.</source>
        <translation>Укажите фамилию получателя.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/laas.py" line="169"/>
        <source>Give the recipient&apos;s first name.</source>
        <translation>Укажите имя получателя.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/laas.py" line="172"/>
        <source>Phone as +7XXXXXXXXXX (11 digits).</source>
        <translation>Телефон в формате +7XXXXXXXXXX (11 цифр).</translation>
    </message>
    <message>
        <location filename="../../packstation/services/laas.py" line="188"/>
        <source>Not enough stock: %1.</source>
        <translation>Не хватает на складах: %1.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/laas.py" line="248"/>
        <source>Give the order number.</source>
        <translation>Укажите номер заказа.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/laas.py" line="269"/>
        <source>The Market offered no delivery options.</source>
        <translation>Маркет не предложил вариантов доставки.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/laas.py" line="281"/>
        <source>Choose a delivery option for every warehouse.</source>
        <translation>Выберите вариант доставки для каждого склада.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/laas.py" line="366"/>
        <source>The Market did not apply the status change.</source>
        <translation>Маркет не применил смену статуса.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/laas.py" line="367"/>
        <source>The Market did not move the delivery: the interval is no longer available.</source>
        <translation>Маркет не перенёс доставку: интервал больше недоступен.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/laas.py" line="370"/>
        <source>The Market did not change the recipient.</source>
        <translation>Маркет не сменил получателя.</translation>
    </message>
</context>
<context>
    <name>LaasOrdersPanel</name>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="72"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="73"/>
        <source>Number</source>
        <translation>Наш номер</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="74"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="75"/>
        <source>Delivery interval</source>
        <translation>Интервал доставки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="76"/>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="126"/>
        <source>Recipient</source>
        <translation>Получатель</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="77"/>
        <source>Pickup code</source>
        <translation>Код получения</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="78"/>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="192"/>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="93"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="97"/>
        <source>Confirm draft</source>
        <translation>Подтвердить черновик</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="99"/>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="291"/>
        <source>Cancel order</source>
        <translation>Отменить заказ</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="108"/>
        <source>Move delivery</source>
        <translation>Перенести доставку</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="110"/>
        <source>Courier delivery interval</source>
        <translation>Интервал курьерской доставки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="115"/>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="117"/>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="120"/>
        <source>Change recipient</source>
        <translation>Сменить получателя</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="143"/>
        <source>Changes sent to the Market</source>
        <translation>Изменения, отправленные в Маркет</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="193"/>
        <source>Processing</source>
        <translation>В обработке</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="194"/>
        <source>In delivery</source>
        <translation>В доставке</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="195"/>
        <source>At the pickup point</source>
        <translation>В пункте выдачи</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="196"/>
        <source>Delivered</source>
        <translation>Доставлен</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="197"/>
        <source>Cancelled</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="198"/>
        <source>Returned</source>
        <translation>Возвращён</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="199"/>
        <source>Partly returned</source>
        <translation>Частично возвращён</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="231"/>
        <source>confirm within %1</source>
        <translation>подтвердите за %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="237"/>
        <source>The Market will cancel draft %1 in %2 unless it is confirmed.</source>
        <translation>Маркет отменит черновик %1 через %2, если его не подтвердить.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="276"/>
        <source>no other intervals</source>
        <translation>других интервалов нет</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="292"/>
        <source>Cancel order %1? The Market cancels it with the reason SHOP_FAILED.</source>
        <translation>Отменить заказ %1? Маркет отменит его с причиной SHOP_FAILED (магазин не может выполнить заказ).</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="300"/>
        <source>confirm draft</source>
        <translation>подтверждение черновика</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="303"/>
        <source>cancel</source>
        <translation>отмена</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="312"/>
        <source>move to %1</source>
        <translation>перенос на %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="319"/>
        <source>recipient %1</source>
        <translation>получатель %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="354"/>
        <source>in progress, next check in %1 s</source>
        <translation>выполняется, следующая проверка через %1 с</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="356"/>
        <source>done</source>
        <translation>выполнено</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="358"/>
        <source>FAILED: %1</source>
        <translation>НЕ ВЫПОЛНЕНО: %1</translation>
    </message>
</context>
<context>
    <name>LabelChangePanel</name>
    <message>
        <location filename="../../packstation/ui/label_change_panel.py" line="49"/>
        <source>Labels unchanged: the boxes hold the same as before, the labels on them stay valid. Nothing was printed again (Reprint prints them anyway).</source>
        <translation>Ярлыки не изменились: в коробках то же, что и раньше, наклеенные ярлыки действительны. Повторно ничего не печаталось (кнопка «Перепечатать» напечатает их при необходимости).</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/label_change_panel.py" line="55"/>
        <source>VOID — peel these labels off and throw them away:</source>
        <translation>АННУЛИРОВАНЫ — снимите эти ярлыки и выбросьте:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/label_change_panel.py" line="57"/>
        <source>NEW — stick these labels on the boxes:</source>
        <translation>НОВЫЕ — наклейте эти ярлыки на коробки:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/label_change_panel.py" line="63"/>
        <source>Box %1 of %2 · label %3 · box id %4</source>
        <translation>Коробка %1 из %2 · ярлык %3 · id коробки %4</translation>
    </message>
</context>
<context>
    <name>LabelJob</name>
    <message>
        <location filename="../../packstation/services/label_job.py" line="178"/>
        <source>Box %1 is no longer in the layout of order %2.</source>
        <translation>Коробки %1 больше нет в раскладке заказа %2.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/label_job.py" line="181"/>
        <source>The layout changed: print the order&apos;s labels again.</source>
        <translation>Раскладка изменилась: напечатайте ярлыки заказа заново.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/label_job.py" line="199"/>
        <source>Label %1-%2 is not among the recent orders.</source>
        <translation>Ярлык %1-%2 не найден среди последних заказов.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/label_job.py" line="202"/>
        <source>Open the order and print its labels from there.</source>
        <translation>Откройте заказ и напечатайте его ярлыки из него.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/label_job.py" line="214"/>
        <source>Only a failed job can be retried.</source>
        <translation>Повторить можно только задание с ошибкой.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/label_job.py" line="217"/>
        <source>The layout of order %1 changed; these labels are out of date.</source>
        <translation>Раскладка заказа %1 изменилась, эти ярлыки устарели.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/label_job.py" line="220"/>
        <source>Print the order&apos;s labels again.</source>
        <translation>Напечатайте ярлыки заказа заново.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/label_job.py" line="305"/>
        <source>Rendering labels from label data is not available.</source>
        <translation>Рисование ярлыков по данным недоступно.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/label_job.py" line="306"/>
        <source>Turn this option off in the print settings.</source>
        <translation>Выключите этот режим в настройках печати.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/label_job.py" line="330"/>
        <source>The Market returned no label data for box %1 of order %2.</source>
        <translation>Маркет не вернул данные ярлыка коробки %1 заказа %2.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/label_job.py" line="333"/>
        <source>The layout may have changed: open the order and print its labels again.</source>
        <translation>Раскладка могла измениться: откройте заказ и напечатайте ярлыки заново.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/label_job.py" line="341"/>
        <source>Internal printing error.</source>
        <translation>Внутренняя ошибка печати.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/label_job.py" line="342"/>
        <source>Press Retry; if that does not help, restart the application.</source>
        <translation>Нажмите «Повторить»; если не поможет, перезапустите программу.</translation>
    </message>
</context>
<context>
    <name>LayoutWire</name>
    <message>
        <location filename="../../packstation/market/layout_wire.py" line="74"/>
        <source>The box layout is not acceptable to the Market (%1: %2).</source>
        <translation>Раскладка не подходит для Маркета (%1: %2).</translation>
    </message>
    <message>
        <location filename="../../packstation/market/layout_wire.py" line="77"/>
        <source>Check the boxes: each holds at least one item or one part.</source>
        <translation>Проверьте коробки: в каждой хотя бы один товар или одна часть.</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="209"/>
        <source>Chestny Znak</source>
        <translation>Честный знак</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="210"/>
        <source>Chestny Znak (optional)</source>
        <translation>Честный знак (необязательно)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="211"/>
        <source>UIN</source>
        <translation>УИН</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="212"/>
        <source>RNPT</source>
        <translation>РНПТ</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="213"/>
        <source>GTD</source>
        <translation>ГТД</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="291"/>
        <source>{packed} of {count} packed</source>
        <translation>упаковано {packed} из {count}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="293"/>
        <source>{coded} of {count} coded</source>
        <translation>с кодом {coded} из {count}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="296"/>
        <source>{n} split</source>
        <translation>разделено: {n}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_models.py" line="299"/>
        <source>parcels in boxes: %1 of %n</source>
        <translation>
            <numerusform>в коробках мест: %1 из %n</numerusform>
            <numerusform>в коробках мест: %1 из %n</numerusform>
            <numerusform>в коробках мест: %1 из %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_models.py" line="323"/>
        <source>%n parcels per unit</source>
        <translation>
            <numerusform>%n место на единицу</numerusform>
            <numerusform>%n места на единицу</numerusform>
            <numerusform>%n мест на единицу</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Logs</name>
    <message>
        <location filename="../../packstation/logs.py" line="156"/>
        <source>Cannot write the log to %1: %2.</source>
        <translation>Журнал работы не записывается в %1: %2.</translation>
    </message>
    <message>
        <location filename="../../packstation/logs.py" line="157"/>
        <source>Messages go to the console only; check the data folder&apos;s permissions.</source>
        <translation>Сообщения выводятся только в консоль; проверьте права на папку данных.</translation>
    </message>
</context>
<context>
    <name>LostAnswer</name>
    <message>
        <location filename="../../packstation/services/lost_answer.py" line="86"/>
        <source>The Market&apos;s answer to the courier code for order %1 was lost (the connection broke). The Market does not show the parcel as handed over, nor whether the attempt counted.</source>
        <translation>Ответ Маркета на код курьера по заказу %1 потерялся (оборвалась связь). Маркет не показывает, что посылка передана, и не сообщает, засчитана ли попытка.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/lost_answer.py" line="91"/>
        <source>The code was not sent again. Ask the courier whether the handover shows as confirmed in their app; if not, enter the code again.</source>
        <translation>Код не отправлялся повторно. Спросите курьера, подтвердилась ли передача у него в приложении; если нет — введите код ещё раз.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="92"/>
        <source> (demo)</source>
        <translation> (демо)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="95"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="97"/>
        <source>Reload the orders from the Market (F5)</source>
        <translation>Загрузить заказы из Маркета заново (F5)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="99"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="102"/>
        <source>Shipments</source>
        <translation>Отгрузки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="104"/>
        <source>FBS shipments: confirm, acts, pick lists (Ctrl+J)</source>
        <translation>Отгрузки FBS: подтверждение, акты, листы сборки (Ctrl+J)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="107"/>
        <source>Shift</source>
        <translation>Смена</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="109"/>
        <source>Who packed what: per packer and desk (Ctrl+K)</source>
        <translation>Кто что собрал: по упаковщикам и столам (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="111"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="115"/>
        <source>Office</source>
        <translation>Офис</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="118"/>
        <source>LaaS delivery orders and order statistics (Ctrl+Shift+O)</source>
        <translation>Заказы на доставку LaaS и статистика заказов (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="121"/>
        <location filename="../../packstation/ui/main_window.py" line="123"/>
        <source>Print queue</source>
        <translation>Очередь печати</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="125"/>
        <source>Print jobs, retries and reprints of recent labels (F9)</source>
        <translation>Задания печати, повторы и перепечатка недавних ярлыков (F9)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="129"/>
        <source>Order history</source>
        <translation>История заказа</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="130"/>
        <source>Main</source>
        <translation>Главная</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="147"/>
        <source>Demo sheet (PDF)…</source>
        <translation>Демо-лист (PDF)…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="149"/>
        <source>Every demo order&apos;s barcodes and marking codes, and the command barcodes, to print</source>
        <translation>Штрихкоды и коды маркировки всех демо-заказов и командные штрихкоды — для печати</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="153"/>
        <source>Help</source>
        <translation>Справка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="157"/>
        <source>Demo mode: orders come from the built-in Market emulator and nothing reaches Yandex Market. Enter your API key in Settings to work with your store.</source>
        <translation>Демо-режим: заказы приходят из встроенного эмулятора Маркета, в Яндекс Маркет ничего не отправляется. Чтобы работать со своим магазином, введите API-ключ в «Настройках».</translation>
    </message>
</context>
<context>
    <name>MarketErrors</name>
    <message>
        <location filename="../../packstation/market/errors.py" line="35"/>
        <source>The only item of the order cannot be removed.</source>
        <translation>Нельзя удалить единственный товар заказа.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="36"/>
        <source>Cancel the order (out of stock) if it cannot be packed.</source>
        <translation>Отмените заказ (нет в наличии), если его нельзя собрать.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="39"/>
        <source>The item was added under a promotion; the Market does not allow removing it.</source>
        <translation>Товар добавлен по акции — Маркет не разрешает его удалить.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="42"/>
        <location filename="../../packstation/market/errors.py" line="46"/>
        <location filename="../../packstation/market/errors.py" line="54"/>
        <source>Pack the order in full or cancel it.</source>
        <translation>Соберите заказ полностью или отмените его.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="45"/>
        <source>The order&apos;s payment method does not allow removing items.</source>
        <translation>Способ оплаты заказа не позволяет удалить товар.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="49"/>
        <source>Items worth 99% or more of the order cannot be removed.</source>
        <translation>Нельзя удалить товары на 99% стоимости заказа и более.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="50"/>
        <source>Cancel the order instead of removing items.</source>
        <translation>Отмените заказ вместо удаления товаров.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="53"/>
        <source>The Market refused to remove the item from the order.</source>
        <translation>Маркет не разрешил удалить товар из заказа.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="57"/>
        <source>Quantities cannot be increased and items cannot be added.</source>
        <translation>Нельзя увеличить количество или добавить товары в заказ.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="58"/>
        <source>Check the layout: the boxes hold more units than the order.</source>
        <translation>Проверьте раскладку: в коробках больше единиц, чем в заказе.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="61"/>
        <source>The order has no such line.</source>
        <translation>В заказе нет такой позиции.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="62"/>
        <location filename="../../packstation/market/errors.py" line="66"/>
        <source>Refresh the order and lay out the boxes again.</source>
        <translation>Обновите заказ и соберите раскладку заново.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="65"/>
        <source>A line appears twice in the layout.</source>
        <translation>Позиция указана в раскладке дважды.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="69"/>
        <source>The Market rejected an order line.</source>
        <translation>Маркет не принял позицию заказа.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="70"/>
        <source>Refresh the order and check the layout.</source>
        <translation>Обновите заказ и проверьте раскладку.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="73"/>
        <source>The item has already been shipped and cannot be changed.</source>
        <translation>Товар уже отгружен — изменить его нельзя.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="76"/>
        <source>The Market rejected a Chestny Znak marking code.</source>
        <translation>Маркет не принял код маркировки «Честный знак».</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="77"/>
        <source>Scan the code from the package again (the whole DataMatrix).</source>
        <translation>Отсканируйте код с упаковки ещё раз (DataMatrix целиком).</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="82"/>
        <source>The same marking code was given twice.</source>
        <translation>Один и тот же код маркировки указан дважды.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="83"/>
        <source>Each unit has its own code: scan the code of another unit.</source>
        <translation>У каждой единицы свой код: отсканируйте код с другой единицы.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="86"/>
        <source>There are more marking codes than units.</source>
        <translation>Кодов маркировки больше, чем единиц товара.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="87"/>
        <source>Remove the extra code.</source>
        <translation>Удалите лишний код.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="90"/>
        <source>Marking codes are missing: every unit needs one.</source>
        <translation>Не хватает кодов маркировки: нужен код на каждую единицу.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="91"/>
        <source>Scan the codes of all units.</source>
        <translation>Отсканируйте коды всех единиц.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="94"/>
        <source>The marking codes are still being checked by Chestny Znak.</source>
        <translation>Коды маркировки ещё проверяются в «Честном знаке».</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="95"/>
        <location filename="../../packstation/market/errors.py" line="115"/>
        <source>Wait a minute and try again.</source>
        <translation>Подождите минуту и повторите.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="98"/>
        <source>The Market rejected the jewelry UIN.</source>
        <translation>Маркет не принял УИН ювелирного изделия.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="99"/>
        <source>Check the 16-digit UIN on the tag and scan again.</source>
        <translation>Проверьте 16 цифр УИН на бирке и отсканируйте снова.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="102"/>
        <source>The same UIN was given twice.</source>
        <translation>Один и тот же УИН указан дважды.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="103"/>
        <source>Each piece has its own UIN.</source>
        <translation>У каждого изделия свой УИН.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="106"/>
        <source>There are more UINs than units.</source>
        <translation>УИН больше, чем единиц товара.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="107"/>
        <source>Remove the extra UIN.</source>
        <translation>Удалите лишний УИН.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="110"/>
        <source>UINs are missing: every piece needs one.</source>
        <translation>Не хватает УИН: нужен на каждое изделие.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="111"/>
        <source>Scan the UINs of all pieces.</source>
        <translation>Отсканируйте УИН всех изделий.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="114"/>
        <source>The UINs are still being checked.</source>
        <translation>УИН ещё проверяются.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="118"/>
        <source>The Market rejected the RNPT.</source>
        <translation>Маркет не принял РНПТ.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="119"/>
        <source>Format: XXXXXXXX/XXXXXX/XXXXXXX/XXX.</source>
        <translation>Формат: XXXXXXXX/XXXXXX/XXXXXXX/XXX.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="122"/>
        <source>The Market rejected the customs declaration number (GTD).</source>
        <translation>Маркет не принял номер ГТД.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="123"/>
        <source>Format: XXXXXXXX/XXXXXX/XXXXXXX.</source>
        <translation>Формат: XXXXXXXX/XXXXXX/XXXXXXX.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="126"/>
        <source>Invalid country code.</source>
        <translation>Неверный код страны.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="127"/>
        <source>Use two Latin letters, e.g. CN.</source>
        <translation>Укажите две латинские буквы, например CN.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="130"/>
        <source>A GTD needs both the number and the country code.</source>
        <translation>Для ГТД нужен и номер, и код страны.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="133"/>
        <source>The order cannot move to this status now.</source>
        <translation>Заказ нельзя перевести в этот статус сейчас.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="134"/>
        <location filename="../../packstation/market/errors.py" line="138"/>
        <source>Refresh the order: its status may have changed.</source>
        <translation>Обновите заказ: его статус мог измениться.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="137"/>
        <source>This order stage is not allowed now.</source>
        <translation>Этот этап заказа сейчас недоступен.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="141"/>
        <source>The action is not available in the order&apos;s current status.</source>
        <translation>Действие недоступно в текущем статусе заказа.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="142"/>
        <source>Refresh the order.</source>
        <translation>Обновите заказ.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="145"/>
        <source>The order is already finished or cancelled.</source>
        <translation>Заказ уже завершён или отменён.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="146"/>
        <source>Put the order&apos;s goods aside.</source>
        <translation>Отложите товары заказа.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="149"/>
        <source>The buyer asked to cancel the order.</source>
        <translation>Покупатель запросил отмену заказа.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="150"/>
        <source>Do not ship the order; put the goods aside.</source>
        <translation>Не отгружайте заказ; отложите товары.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="153"/>
        <source>Cannot cancel as &apos;buyer unreachable&apos;: the call rules were not met.</source>
        <translation>Нельзя отменить как «не дозвонились»: не выполнены правила звонков.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="158"/>
        <source>The courier&apos;s code has expired; the Market will issue a new one.</source>
        <translation>Код курьера устарел — Маркет выдаст новый.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="159"/>
        <source>Ask the courier to refresh the code in the app.</source>
        <translation>Попросите курьера обновить код в приложении.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="162"/>
        <source>The courier&apos;s code has already been accepted.</source>
        <translation>Код курьера уже подтверждён.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="163"/>
        <source>Hand the order over to the courier.</source>
        <translation>Передайте заказ курьеру.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="166"/>
        <source>The external order id is already set or can no longer be changed.</source>
        <translation>Внешний номер заказа уже задан или его нельзя изменить.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="169"/>
        <source>The Market forbids this action for the order.</source>
        <translation>Маркет запретил это действие для заказа.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="172"/>
        <source>The Market rejected the request data.</source>
        <translation>Маркет не принял данные запроса.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="173"/>
        <source>Refresh the order and try again.</source>
        <translation>Обновите заказ и повторите.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="176"/>
        <source>The order has no boxes.</source>
        <translation>У заказа нет коробок.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="177"/>
        <source>Send the box layout first.</source>
        <translation>Сначала отправьте раскладку по коробкам.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="180"/>
        <source>The shipment cut-off time has not been reached yet.</source>
        <translation>Время отгрузки ещё не наступило.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="181"/>
        <source>Try again closer to the shipment time.</source>
        <translation>Повторите ближе ко времени отгрузки.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="186"/>
        <source>The Market rejected the request.</source>
        <translation>Маркет отклонил запрос.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="187"/>
        <source>Refresh the order and check the data.</source>
        <translation>Обновите заказ и проверьте данные.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="190"/>
        <source>The Market did not accept the API key.</source>
        <translation>Маркет не принял ключ API.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="191"/>
        <source>Check the key in Settings (the Api-Key from the seller cabinet).</source>
        <translation>Проверьте ключ в настройках (Api-Key из кабинета продавца).</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="196"/>
        <location filename="../../packstation/market/errors.py" line="202"/>
        <source>No access to this action.</source>
        <translation>Нет доступа к этому действию.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="197"/>
        <source>Grant the API key the needed access in the seller cabinet (Settings → API).</source>
        <translation>Добавьте ключу API нужный доступ в кабинете продавца (Настройки → API).</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="203"/>
        <source>Check that the store is active and the key belongs to this cabinet.</source>
        <translation>Проверьте, что магазин активен и ключ выдан этому кабинету.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="208"/>
        <source>The Market did not find the order or store.</source>
        <translation>Маркет не нашёл заказ или магазин.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="209"/>
        <source>Check the order number and the selected store.</source>
        <translation>Проверьте номер заказа и выбранный магазин.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="212"/>
        <source>The Market had an internal failure.</source>
        <translation>Сбой на стороне Маркета.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="213"/>
        <source>Try again in a minute; your work is saved.</source>
        <translation>Повторите через минуту; сделанное сохранено.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="286"/>
        <source>%1 Market: %2</source>
        <translation>%1 Маркет: %2</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="333"/>
        <source>later</source>
        <translation>позже</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="336"/>
        <source>in %1 min</source>
        <translation>через %1 мин</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="338"/>
        <source>The Market has temporarily limited the number of requests.</source>
        <translation>Маркет временно ограничил число запросов.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="343"/>
        <source>Try again %1; your work is saved.</source>
        <translation>Повторите %1; сделанное сохранено.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="367"/>
        <source>The Market did not answer in time.</source>
        <translation>Маркет не ответил вовремя.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="369"/>
        <source>Check the internet connection and try again; your work is saved.</source>
        <translation>Проверьте интернет и повторите; сделанное сохранено.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="384"/>
        <source>Cannot reach the Market.</source>
        <translation>Нет связи с Маркетом.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="386"/>
        <source>Check the internet connection; actions will be sent when it is back.</source>
        <translation>Проверьте интернет; действия отправятся, когда связь вернётся.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="400"/>
        <source>The Market sent a response the app cannot read.</source>
        <translation>Маркет прислал непонятный ответ.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="403"/>
        <source>Try again later; if it persists, contact support.</source>
        <translation>Повторите позже; если не пройдёт — сообщите в поддержку.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="419"/>
        <source>The Market answered with error %1.</source>
        <translation>Маркет ответил ошибкой %1.</translation>
    </message>
    <message>
        <location filename="../../packstation/market/errors.py" line="421"/>
        <source>Try again later.</source>
        <translation>Повторите позже.</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../packstation/ui/message_bar.py" line="58"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>Migrations</name>
    <message>
        <location filename="../../packstation/fleet/migrations.py" line="92"/>
        <source>The warehouse database schema is newer than this app knows (version %1, known %2).</source>
        <translation>Схема базы склада новее этой программы (версия %1, известна %2).</translation>
    </message>
    <message>
        <location filename="../../packstation/fleet/migrations.py" line="95"/>
        <source>Update Packstation on this desk; an older version does not write to a newer schema.</source>
        <translation>Обновите Packstation на этом столе; старая версия не пишет в новую схему.</translation>
    </message>
    <message>
        <location filename="../../packstation/fleet/migrations.py" line="104"/>
        <source>The warehouse database is not set up (schema version %1, needs %2).</source>
        <translation>База склада не подготовлена (версия схемы %1, нужна %2).</translation>
    </message>
    <message>
        <location filename="../../packstation/fleet/migrations.py" line="107"/>
        <source>Run: packstation fleet init --dsn ...</source>
        <translation>Выполните: packstation fleet init --dsn ...</translation>
    </message>
</context>
<context>
    <name>NewOrderForm</name>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="86"/>
        <source>Name, SKU or scan a barcode</source>
        <translation>Название, SKU или отсканируйте штрихкод</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="91"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="96"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="97"/>
        <source>Offer</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="98"/>
        <source>Count</source>
        <translation>Кол-во</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="99"/>
        <source>Price, ₽</source>
        <translation>Цена, ₽</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="100"/>
        <source>Stock by warehouse</source>
        <translation>Остатки по складам</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="107"/>
        <source>Remove line</source>
        <translation>Удалить строку</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="109"/>
        <source>1. Offers</source>
        <translation>1. Товары</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="119"/>
        <source>Courier to an address</source>
        <translation>Курьером по адресу</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="120"/>
        <source>Market pickup point</source>
        <translation>В пункт выдачи Маркета</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="127"/>
        <source>Region, city, street, house</source>
        <translation>Регион, город, улица, дом</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="135"/>
        <source>Full address</source>
        <translation>Полный адрес</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="139"/>
        <source>Entrance</source>
        <translation>Подъезд</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="140"/>
        <source>Floor</source>
        <translation>Этаж</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="141"/>
        <source>Apartment</source>
        <translation>Квартира</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="146"/>
        <source>Notes for the courier</source>
        <translation>Комментарий курьеру</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="148"/>
        <source>Search pickup points by address</source>
        <translation>Поиск пунктов выдачи по адресу</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="159"/>
        <source>2. Delivery</source>
        <translation>2. Доставка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="175"/>
        <source>3. Recipient</source>
        <translation>3. Получатель</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="177"/>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="179"/>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="181"/>
        <source>Middle name</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="182"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="186"/>
        <source>Get delivery options</source>
        <translation>Получить варианты доставки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="191"/>
        <source>Market packaging (white label)</source>
        <translation>Упаковка Маркета (без бренда)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="192"/>
        <source>Our branded packaging</source>
        <translation>Наша фирменная упаковка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="193"/>
        <source>Create as a draft (confirm within an hour)</source>
        <translation>Создать черновиком (подтвердить в течение часа)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="195"/>
        <source>Create order</source>
        <translation>Создать заказ</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="201"/>
        <source>4. Delivery options and order</source>
        <translation>4. Варианты доставки и заказ</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="207"/>
        <source>Order number (externalOrderId)</source>
        <translation>Номер заказа (externalOrderId)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="209"/>
        <source>Packaging</source>
        <translation>Упаковка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="316"/>
        <source>checking…</source>
        <translation>проверяю…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="334"/>
        <source>not in stock</source>
        <translation>нет на складах</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="473"/>
        <source>Draft created: %1. Confirm it within an hour in “LaaS orders”.</source>
        <translation>Черновик создан: %1. Подтвердите его в течение часа на вкладке «Заказы LaaS».</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_form.py" line="478"/>
        <source>Order created: %1.</source>
        <translation>Заказ создан: %1.</translation>
    </message>
</context>
<context>
    <name>OfficeWindow</name>
    <message>
        <location filename="../../packstation/ui/office_window.py" line="53"/>
        <source>Office — %1</source>
        <translation>Офис — %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/office_window.py" line="62"/>
        <source>New delivery order</source>
        <translation>Новый заказ на доставку</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/office_window.py" line="63"/>
        <source>LaaS orders</source>
        <translation>Заказы LaaS</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/office_window.py" line="64"/>
        <source>Statistics</source>
        <translation>Статистика</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/office_window.py" line="77"/>
        <source>warehouse %1</source>
        <translation>склад %1</translation>
    </message>
</context>
<context>
    <name>OrderHistoryView</name>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="74"/>
        <source>Export video…</source>
        <translation>Выгрузить видео…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="76"/>
        <source>Save this order&apos;s packing video as one MP4 file</source>
        <translation>Сохранить видео упаковки заказа одним файлом MP4</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="88"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="89"/>
        <source>Station</source>
        <translation>Станция</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="89"/>
        <source>Desk</source>
        <translation>Стол</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="90"/>
        <source>Packer</source>
        <translation>Упаковщик</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="91"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="92"/>
        <source>Detail</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="111"/>
        <source>Choose an order to see its history.</source>
        <translation>Выберите заказ, чтобы увидеть его историю.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/order_history_view.py" line="129"/>
        <source>History of order %1 at all desks: %n records</source>
        <translation>
            <numerusform>История заказа %1 на всех столах: %n запись</numerusform>
            <numerusform>История заказа %1 на всех столах: %n записи</numerusform>
            <numerusform>История заказа %1 на всех столах: %n записей</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="131"/>
        <source>Nothing recorded for order %1 at any desk.</source>
        <translation>Ни на одном столе по заказу %1 ничего не записано.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/order_history_view.py" line="133"/>
        <source>History of order %1: %n records</source>
        <translation>
            <numerusform>История заказа %1: %n запись</numerusform>
            <numerusform>История заказа %1: %n записи</numerusform>
            <numerusform>История заказа %1: %n записей</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="135"/>
        <source>Nothing recorded for order %1 at this station.</source>
        <translation>На этой станции по заказу %1 ничего не записано.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="137"/>
        <source>The warehouse database is offline: only this desk&apos;s records are shown.</source>
        <translation>База склада недоступна: показаны записи только этого стола.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="148"/>
        <source>Box layout sent to the Market</source>
        <translation>Раскладка по коробкам отправлена в Маркет</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="149"/>
        <source>Marked ready to ship</source>
        <translation>Заказ переведён в статус «Готов к отгрузке»</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="150"/>
        <source>Courier code checked</source>
        <translation>Код курьера проверен</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="151"/>
        <source>Order shortened</source>
        <translation>Заказ сокращён</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="152"/>
        <source>Shortening asked of the Market</source>
        <translation>Сокращение заказа запрошено у Маркета</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="153"/>
        <source>Shortening refused: the order is as it was</source>
        <translation>Сокращение отклонено: заказ остался как был</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="154"/>
        <source>Shortening not confirmed: the order is as it was</source>
        <translation>Сокращение не подтверждено: заказ остался как был</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="155"/>
        <source>Order cancelled by the shop</source>
        <translation>Заказ отменён магазином</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="156"/>
        <source>Packing interrupted: the order changed</source>
        <translation>Сборка прервана: заказ изменился</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="157"/>
        <source>Labels printed</source>
        <translation>Ярлыки напечатаны</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="158"/>
        <source>Label printing failed</source>
        <translation>Ошибка печати ярлыков</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="159"/>
        <source>Labels kept: the boxes did not change</source>
        <translation>Ярлыки оставлены: коробки не изменились</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="160"/>
        <source>Damaged journal line set aside</source>
        <translation>Повреждённая строка журнала отложена</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="161"/>
        <source>Saved action sent to the Market</source>
        <translation>Сохранённое действие отправлено в Маркет</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="162"/>
        <source>Saved action was already done on the Market</source>
        <translation>Сохранённое действие уже выполнено в Маркете</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="163"/>
        <source>Saved action skipped: no longer valid</source>
        <translation>Сохранённое действие пропущено: уже неактуально</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="164"/>
        <source>Saved action refused by the Market</source>
        <translation>Маркет отклонил сохранённое действие</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="165"/>
        <source>Saved action needs the packer</source>
        <translation>Сохранённое действие требует упаковщика</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="166"/>
        <source>Box weighed</source>
        <translation>Коробка взвешена</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="167"/>
        <source>Submit stopped: box weight</source>
        <translation>Отправка остановлена: вес коробки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="168"/>
        <source>Box weight accepted by the packer</source>
        <translation>Вес коробки принят упаковщиком</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="169"/>
        <source>Packing video recorded</source>
        <translation>Записано видео упаковки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="170"/>
        <source>Packing started</source>
        <translation>Начата упаковка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="171"/>
        <source>Scan refused</source>
        <translation>Скан отклонён</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="172"/>
        <source>Shipment confirmed</source>
        <translation>Отгрузка подтверждена</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="173"/>
        <source>Shipment pallets set</source>
        <translation>Задано число палет</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="174"/>
        <source>Document printed</source>
        <translation>Документ напечатан</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="175"/>
        <source>Packer signed in</source>
        <translation>Упаковщик вошёл</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="176"/>
        <source>Packer signed out</source>
        <translation>Упаковщик вышел</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="184"/>
        <source>Export video</source>
        <translation>Выгрузка видео</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="184"/>
        <source>MP4 video (*.mp4)</source>
        <translation>Видео MP4 (*.mp4)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="209"/>
        <source>Saving the video of order %1…</source>
        <translation>Сохраняется видео заказа %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/order_history_view.py" line="220"/>
        <source>Unreadable clips skipped: %n.</source>
        <translation>
            <numerusform>Нечитаемых фрагментов пропущено: %n.</numerusform>
            <numerusform>Нечитаемых фрагментов пропущено: %n.</numerusform>
            <numerusform>Нечитаемых фрагментов пропущено: %n.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="228"/>
        <source>The video was not saved: none of the order&apos;s clips can be read.</source>
        <translation>Видео не сохранено: ни один фрагмент видео заказа не читается.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="230"/>
        <source>The video was not saved: that file is the recording itself. Choose another name.</source>
        <translation>Видео не сохранено: этот файл — сама запись. Выберите другое имя.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="231"/>
        <source>The video was not saved: the file could not be written (%1).</source>
        <translation>Видео не сохранено: файл не удалось записать (%1).</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="218"/>
        <source>Video of order %1 saved: %2</source>
        <translation>Видео заказа %1 сохранено: %2</translation>
    </message>
</context>
<context>
    <name>OrderListCache</name>
    <message>
        <location filename="../../packstation/storage/order_list_cache.py" line="35"/>
        <source>order list</source>
        <translation>список заказов</translation>
    </message>
</context>
<context>
    <name>OrderListModel</name>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="109"/>
        <source>To pack</source>
        <translation>Собрать</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="111"/>
        <source>Ready to ship</source>
        <translation>Готов к отгрузке</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="115"/>
        <source>Cancelled</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="117"/>
        <source>Shipped</source>
        <translation>Отгружен</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="122"/>
        <source>Courier: searching</source>
        <translation>Курьер: поиск</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="123"/>
        <source>Courier: found</source>
        <translation>Курьер: найден</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="124"/>
        <source>Courier: on the way</source>
        <translation>Курьер: в пути</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="125"/>
        <source>Courier: arrived</source>
        <translation>Курьер: прибыл</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="130"/>
        <source>⚡ Express</source>
        <translation>⚡ Экспресс</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="135"/>
        <source>Business</source>
        <translation>Юрлицо</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="137"/>
        <source>Person</source>
        <translation>Физлицо</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="143"/>
        <source>CIS (optional)</source>
        <translation>CIS (необяз.)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="549"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="550"/>
        <source>Program</source>
        <translation>Модель</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="551"/>
        <source>Deadline</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="552"/>
        <source>Items / units</source>
        <translation>Позиций / штук</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="553"/>
        <source>Marking</source>
        <translation>Маркировка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="554"/>
        <source>Buyer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="555"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="583"/>
        <source>In progress at this station: opening it restores the packing done so far</source>
        <translation>В работе на этом месте: при открытии сборка продолжится с того места, где остановились</translation>
    </message>
</context>
<context>
    <name>OrderListView</name>
    <message>
        <location filename="../../packstation/ui/order_list_view.py" line="58"/>
        <source>Search: order number, offer or product name</source>
        <translation>Поиск: номер заказа, SKU или название товара</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_view.py" line="62"/>
        <source>All programs</source>
        <translation>Все модели</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_view.py" line="63"/>
        <source>Express</source>
        <translation>Экспресс</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_view.py" line="67"/>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_view.py" line="68"/>
        <source>To pack</source>
        <translation>Собрать</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_view.py" line="69"/>
        <source>Packed, awaiting courier</source>
        <translation>Собран, ждёт курьера</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_view.py" line="73"/>
        <source>Program:</source>
        <translation>Модель:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_view.py" line="75"/>
        <source>Status:</source>
        <translation>Статус:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_view.py" line="128"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_view.py" line="130"/>
        <source>Order history…</source>
        <translation>История заказа…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_view.py" line="167"/>
        <source>No orders match «%1»</source>
        <translation>Нет заказов по запросу «%1»</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_view.py" line="169"/>
        <source>No orders match the chosen program and status</source>
        <translation>Нет заказов с выбранными программой и статусом</translation>
    </message>
</context>
<context>
    <name>OrderQueue</name>
    <message>
        <location filename="../../packstation/services/order_queue.py" line="633"/>
        <source>This item is in several orders: %1.</source>
        <translation>Этот товар есть в нескольких заказах: %1.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/order_queue.py" line="634"/>
        <source>Scan the order number or pick the order in the list.</source>
        <translation>Отсканируйте номер заказа или выберите заказ в списке.</translation>
    </message>
</context>
<context>
    <name>OrderWatch</name>
    <message>
        <location filename="../../packstation/services/packing/order_watch.py" line="66"/>
        <source>Order %1 was cancelled (%2). Stop and put the items back.</source>
        <translation>Заказ %1 отменён (%2). Остановитесь и верните товары на полку.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/packing/order_watch.py" line="102"/>
        <source>Order %1 changed on the Market (%2/%3). Stop and put the items back.</source>
        <translation>Заказ %1 изменился в Маркете (%2/%3). Остановитесь и верните товары на полку.</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <location filename="../../packstation/storage/outbox.py" line="43"/>
        <source>Market request</source>
        <translation>запрос к Маркету</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/outbox.py" line="67"/>
        <source>Market request #%1 is not in the journal.</source>
        <translation>Запрос к Маркету №%1 не найден в журнале.</translation>
    </message>
    <message>
        <location filename="../../packstation/storage/outbox.py" line="68"/>
        <source>This is a bug; please report it.</source>
        <translation>Это ошибка программы; сообщите в поддержку.</translation>
    </message>
</context>
<context>
    <name>OutboxReplay</name>
    <message>
        <location filename="../../packstation/services/outbox_replay.py" line="325"/>
        <source>The Market did not change the status of order %1: %2.</source>
        <translation>Маркет не изменил статус заказа %1: %2.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/outbox_replay.py" line="326"/>
        <source>no reason given</source>
        <translation>без пояснения</translation>
    </message>
</context>
<context>
    <name>PackerWiring</name>
    <message>
        <location filename="../../packstation/app/packer_wiring.py" line="67"/>
        <source>Sign out</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <location filename="../../packstation/app/packer_wiring.py" line="85"/>
        <source>Sign in first: scan your badge or pick your name in the status bar.</source>
        <translation>Сначала войдите: отсканируйте бейдж или выберите имя в строке состояния.</translation>
    </message>
    <message>
        <location filename="../../packstation/app/packer_wiring.py" line="130"/>
        <source>Unknown badge %1: add the packer in Settings.</source>
        <translation>Неизвестный бейдж %1: добавьте упаковщика в Настройках.</translation>
    </message>
    <message>
        <location filename="../../packstation/app/packer_wiring.py" line="139"/>
        <source>Packer %1 signed in.</source>
        <translation>Упаковщик %1 вошёл.</translation>
    </message>
    <message>
        <location filename="../../packstation/app/packer_wiring.py" line="143"/>
        <source>Packer %1 signed out.</source>
        <translation>Упаковщик %1 вышел.</translation>
    </message>
</context>
<context>
    <name>PackingDesk</name>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="955"/>
        <source>Order %1 is no longer in the list.</source>
        <translation>Заказа %1 больше нет в списке.</translation>
    </message>
</context>
<context>
    <name>PackingRules</name>
    <message>
        <location filename="../../packstation/domain/packing/codes.py" line="26"/>
        <source>Chestny Znak code</source>
        <translation>код «Честного знака»</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/codes.py" line="27"/>
        <source>jewelry UIN</source>
        <translation>УИН ювелирного изделия</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/codes.py" line="28"/>
        <source>RNPT</source>
        <translation>РНПТ</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/codes.py" line="29"/>
        <source>GTD number</source>
        <translation>номер ГТД</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="101"/>
        <source>The count must be at least 1.</source>
        <translation>Количество — не меньше 1.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="110"/>
        <source>“%1”</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="119"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="149"/>
        <source>Order %1 has no line %2.</source>
        <translation>В заказе %1 нет позиции %2.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="281"/>
        <source>“%1”: %2 of %3 not packed.</source>
        <translation>«%1»: не упаковано %2 из %3.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="284"/>
        <source>Put every unit in a box or shorten the order.</source>
        <translation>Положите все единицы в коробки или сократите заказ.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="297"/>
        <source>“%1”, unit %2: the Market refused its code.</source>
        <translation>«%1», единица %2: Маркет не принял код.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="300"/>
        <source>Scan another code of this unit.</source>
        <translation>Отсканируйте другой код этой единицы.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="303"/>
        <source>There are no boxes.</source>
        <translation>Нет ни одной коробки.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="309"/>
        <source>“%1”, unit %2: %3 of %4 parcels boxed.</source>
        <translation>«%1», единица %2: в коробках мест — %3 из %4.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="312"/>
        <source>Scan the item again for each next parcel.</source>
        <translation>Отсканируйте товар ещё раз для каждого следующего места.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="326"/>
        <source>“%1”: every unit needs a %2; %3 of %4 scanned.</source>
        <translation>«%1»: нужен %2 на каждую единицу, есть %3 из %4.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="329"/>
        <source>Scan the codes of the remaining units.</source>
        <translation>Отсканируйте коды оставшихся единиц.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="336"/>
        <source>“%1”: %2 of %3 units have a %4.</source>
        <translation>«%1»: %4 есть у %2 из %3 единиц.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="339"/>
        <source>Codes go for every unit or for none: scan the rest or remove the codes.</source>
        <translation>Коды передаются для всех единиц или ни для одной: досканируйте или удалите коды.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="386"/>
        <source>There is no box %1.</source>
        <translation>Коробки %1 нет.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="453"/>
        <source>Box %1 holds a part of a large item: “%2” cannot go in it.</source>
        <translation>В коробке %1 часть крупного товара: «%2» туда положить нельзя.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="456"/>
        <source>Whole goods and parts of an item travel in separate boxes.</source>
        <translation>Целые товары и части товара лежат в разных коробках.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="465"/>
        <source>All %1 units of “%2” are already in boxes.</source>
        <translation>Все %1 шт. «%2» уже в коробках.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="468"/>
        <source>The extra unit is not part of this order: set it aside.</source>
        <translation>Лишняя единица не из этого заказа — отложите её.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="474"/>
        <source>“%1”: only %2 units are left to pack, not %3.</source>
        <translation>«%1»: осталось упаковать %2 шт., а не %3.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="487"/>
        <source>Box %1 holds one part of an item; a part cannot be moved on its own.</source>
        <translation>В коробке %1 часть товара — её нельзя переложить отдельно.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="490"/>
        <source>Unpack the whole item and split it again.</source>
        <translation>Распакуйте товар целиком и разделите заново.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="505"/>
        <source>Box %1 holds %2 units of “%3”, not %4.</source>
        <translation>В коробке %1 %2 шт. «%3», а не %4.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="559"/>
        <source>An item is split into 2 to %1 boxes, not %2.</source>
        <translation>Товар делится на 2–%1 коробок, а не на %2.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="562"/>
        <source>Say how many boxes one unit travels in.</source>
        <translation>Укажите, в скольких коробках едет одна единица.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="579"/>
        <source>Other units of “%1” are already split into %2 boxes.</source>
        <translation>Другие единицы «%1» уже разделены на %2 коробки.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="582"/>
        <source>Every unit of one item is split the same way.</source>
        <translation>Все единицы одного товара делятся одинаково.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="620"/>
        <source>Barcode %1 cannot be checked: the catalogue gave no barcodes for this order.</source>
        <translation>Штрихкод %1 не проверить: каталог не дал штрихкодов товаров заказа.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="624"/>
        <source>Drag the item into a box with the mouse, or give the API key catalogue access.</source>
        <translation>Перетащите товар в коробку мышью или дайте ключу API доступ к каталогу.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="631"/>
        <source>No item with barcode %1 in order %2.</source>
        <translation>Товара со штрихкодом %1 нет в заказе %2.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="634"/>
        <source>Set this item aside: it belongs to another order.</source>
        <translation>Отложите этот товар: он из другого заказа.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="677"/>
        <source>A GTD number needs the country of origin code.</source>
        <translation>К номеру ГТД нужен код страны происхождения.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="678"/>
        <source>Enter the country code (two letters, e.g. CN).</source>
        <translation>Введите код страны (две буквы, например CN).</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="691"/>
        <source>This code was already scanned for “%1”.</source>
        <translation>Этот код уже отсканирован для «%1».</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="692"/>
        <source>Each unit has its own code: scan the code of another unit.</source>
        <translation>У каждой единицы свой код: отсканируйте код другой единицы.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="715"/>
        <source>“%1” needs a %2, but a %3 was scanned.</source>
        <translation>Для «%1» нужен %2, а отсканирован %3.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="724"/>
        <source>The code belongs to another product (GTIN %1) that is not in this order.</source>
        <translation>Код относится к другому товару (GTIN %1), его нет в заказе.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="728"/>
        <source>Scan the code on the package of an item of this order.</source>
        <translation>Отсканируйте код с упаковки товара из этого заказа.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="738"/>
        <source>No item of this order takes a %1.</source>
        <translation>В этом заказе не нужен %1.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="739"/>
        <source>Check that the right code was scanned.</source>
        <translation>Проверьте, тот ли код отсканирован.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="744"/>
        <source>No code is needed: just put the item in a box.</source>
        <translation>Код не нужен — просто положите товар в коробку.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="748"/>
        <source>“%1” needs no %2.</source>
        <translation>Товару «%1» не нужен %2.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="753"/>
        <source>The items of this order need no %1.</source>
        <translation>Товарам этого заказа не нужен %1.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="773"/>
        <source>Every unit of %1 already has a %2.</source>
        <translation>У всех единиц %1 уже есть %2.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/model.py" line="774"/>
        <source>No extra code is needed; to replace a code, remove the old one first.</source>
        <translation>Лишний код не нужен; чтобы заменить код, сначала удалите старый.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/shorten.py" line="29"/>
        <source>If the item is missing, cancel the order.</source>
        <translation>Если товара нет, отмените заказ.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/shorten.py" line="31"/>
        <source>What you can do: pack the order in full; cancel the order (“Cancel order…”) if the item is missing; or call Market support.</source>
        <translation>Что можно сделать: собрать заказ полностью; отменить заказ («Отменить заказ…»), если товара нет; или позвонить в поддержку Маркета.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/shorten.py" line="60"/>
        <source>Order %1 is %2/%3: only an order being packed (PROCESSING/STARTED) can be shortened.</source>
        <translation>Заказ %1 в статусе %2/%3: сократить можно только заказ в сборке (PROCESSING/STARTED).</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/shorten.py" line="71"/>
        <source>The order has no line %1.</source>
        <translation>В заказе нет позиции %1.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/shorten.py" line="76"/>
        <source>“%1”: keep 0 to %2 units, not %3.</source>
        <translation>«%1»: можно оставить от 0 до %2 шт., не %3.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/shorten.py" line="79"/>
        <source>An order can only be reduced.</source>
        <translation>Заказ можно только уменьшить.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/shorten.py" line="84"/>
        <source>Nothing is removed.</source>
        <translation>Из заказа ничего не убрано.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/shorten.py" line="88"/>
        <source>The only item of an order cannot be removed or reduced.</source>
        <translation>Единственный товар заказа нельзя убрать или уменьшить.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/shorten.py" line="96"/>
        <source>“%1” was added under a promotion; the Market will not allow removing it.</source>
        <translation>«%1» добавлен по акции — Маркет не разрешит его убрать.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/shorten.py" line="104"/>
        <source>“%1” makes up 99% or more of the order value and cannot be removed.</source>
        <translation>«%1» — 99% стоимости заказа и более, его нельзя убрать.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/packing/shorten.py" line="165"/>
        <source>The Market refused to shorten the order: %1 The order is as it was.</source>
        <translation>Маркет не разрешил сократить заказ: %1 Заказ остался как был.</translation>
    </message>
</context>
<context>
    <name>PackingView</name>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="224"/>
        <source>Order %1</source>
        <translation>Заказ %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="234"/>
        <source>← Orders</source>
        <translation>← Заказы</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="237"/>
        <source>Back to the order list; the work is kept (Esc)</source>
        <translation>Назад к списку заказов; сделанное сохранится (Esc)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="238"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="250"/>
        <location filename="../../packstation/ui/packing_view.py" line="255"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="257"/>
        <source>What this station recorded about the order (Ctrl+H)</source>
        <translation>Что это рабочее место записало о заказе (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="306"/>
        <source>Units per drag: all</source>
        <translation>Единиц за перетаскивание: все</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="307"/>
        <source>Units per drag: </source>
        <translation>Единиц за перетаскивание: </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="313"/>
        <source>Items</source>
        <translation>Товары</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="322"/>
        <source>Boxes</source>
        <translation>Коробки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="366"/>
        <source>New box</source>
        <translation>Новая коробка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="367"/>
        <source>Close box</source>
        <translation>Закрыть коробку</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="368"/>
        <source>Split…</source>
        <translation>Разделить…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="369"/>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="371"/>
        <source>Shorten…</source>
        <translation>Сократить…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="372"/>
        <source>Cancel order…</source>
        <translation>Отменить заказ…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="373"/>
        <source>Reprint labels</source>
        <translation>Перепечатать ярлыки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="374"/>
        <source>Check codes</source>
        <translation>Проверить коды</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="375"/>
        <source>Edit again</source>
        <translation>Вернуться к сборке</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="376"/>
        <source>Submit</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="384"/>
        <source>STOP — put the items back</source>
        <translation>СТОП — верните товары на полку</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="390"/>
        <source>Back to orders</source>
        <translation>К списку заказов</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="468"/>
        <source>⚡ Express</source>
        <translation>⚡ Экспресс</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="473"/>
        <source>Business buyer: codes mandatory</source>
        <translation>Покупатель — юрлицо: коды обязательны</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="475"/>
        <source>Private buyer</source>
        <translation>Покупатель — физлицо</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="485"/>
        <source>The Market refused a code: scan a new code for: %1, unit %2</source>
        <translation>Маркет не принял код: отсканируйте новый код для: %1, единица %2</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="488"/>
        <source>Scan the marking code for: %1, unit %2</source>
        <translation>Отсканируйте код маркировки для: %1, единица %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_view.py" line="490"/>
        <source>(then %n more)</source>
        <translation>
            <numerusform>(затем ещё %n единица)</numerusform>
            <numerusform>(затем ещё %n единицы)</numerusform>
            <numerusform>(затем ещё %n единиц)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_view.py" line="496"/>
        <source>%1: parcel %2 of %n packed — scan the next parcel</source>
        <translation>
            <numerusform>%1: упаковано место %2 из %n — сканируйте следующее место</numerusform>
            <numerusform>%1: упаковано место %2 из %n — сканируйте следующее место</numerusform>
            <numerusform>%1: упаковано место %2 из %n — сканируйте следующее место</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="502"/>
        <source>%1 Then submit again (Ctrl+Enter).</source>
        <translation>%1 Затем отправьте снова (Ctrl+Enter).</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="503"/>
        <source>Submitting in %1 s — scan CANCEL to stop</source>
        <translation>Отправка через %1 с — сканируйте ОТМЕНА, чтобы остановить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="504"/>
        <source>Everything is packed: submit (Ctrl+Enter)</source>
        <translation>Всё упаковано: отправьте (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="516"/>
        <source>Done: handed over to the courier</source>
        <translation>Готово: заказ передан курьеру</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="545"/>
        <source>Deadline %1 · %2</source>
        <translation>Срок %1 · %2</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="547"/>
        <source>Deadline %1</source>
        <translation>Срок %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_view.py" line="493"/>
        <location filename="../../packstation/ui/packing_view.py" line="500"/>
        <source>Packing: %1 of %n units in boxes</source>
        <translation>
            <numerusform>Сборка: в коробках %1 из %n единицы</numerusform>
            <numerusform>Сборка: в коробках %1 из %n единиц</numerusform>
            <numerusform>Сборка: в коробках %1 из %n единиц</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="505"/>
        <source>Sending the boxes to the Market and printing labels…</source>
        <translation>Отправляем коробки в Маркет и печатаем ярлыки…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="506"/>
        <source>The Market is checking the marking codes…</source>
        <translation>Маркет проверяет коды маркировки…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="508"/>
        <source>Labels did not print: %1 Retry in the print queue (F9).</source>
        <translation>Ярлыки не напечатались: %1 Повторите в очереди печати (F9).</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="511"/>
        <source>Swap the labels: peel off %1 void, stick %2 new (listed below)</source>
        <translation>Замените ярлыки: снимите аннулированные (%1), наклейте новые (%2) — список ниже</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="515"/>
        <source>Ready to ship: hand the parcels to the courier</source>
        <translation>Готов к отгрузке: передайте посылки курьеру</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="518"/>
        <source>Done: the order is ready to ship</source>
        <translation>Готово: заказ готов к отгрузке</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="519"/>
        <source>The order is cancelled: put the items back</source>
        <translation>Заказ отменён: верните товары на полку</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="520"/>
        <source>Packing stopped: the order changed</source>
        <translation>Сборка остановлена: заказ изменился</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="529"/>
        <source>Labels are out of date: the boxes changed after printing. Remove the labels of boxes %1; submitting again prints new ones.</source>
        <translation>Ярлыки устарели: коробки изменились после печати. Снимите ярлыки коробок %1; повторная отправка напечатает новые.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="534"/>
        <source>Labels not printed:</source>
        <translation>Ярлыки не напечатаны:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="572"/>
        <source>Customs declaration scanned: confirm its country of origin</source>
        <translation>Отсканирована таможенная декларация: подтвердите страну происхождения</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_view.py" line="605"/>
        <source>%1: parcel %2 of %n → box %3</source>
        <translation>
            <numerusform>%1: место %2 из %n → коробка %3</numerusform>
            <numerusform>%1: место %2 из %n → коробка %3</numerusform>
            <numerusform>%1: место %2 из %n → коробка %3</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="608"/>
        <source>%1 → box %2</source>
        <translation>%1 → коробка %2</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="610"/>
        <source>scan its marking code</source>
        <translation>отсканируйте код маркировки товара</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="613"/>
        <source>code for %1, unit %2 → box %3</source>
        <translation>код для %1, единица %2 → коробка %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_view.py" line="617"/>
        <source>code for %1, unit %2: it goes into all %n of its parcels</source>
        <translation>
            <numerusform>код для %1, единица %2: он идёт во все %n место</numerusform>
            <numerusform>код для %1, единица %2: он идёт во все %n места</numerusform>
            <numerusform>код для %1, единица %2: он идёт во все %n мест</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="619"/>
        <source>code for %1, unit %2</source>
        <translation>код для «%1», единица %2</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="620"/>
        <source>command %1</source>
        <translation>команда %1</translation>
    </message>
</context>
<context>
    <name>PackingWiring</name>
    <message>
        <location filename="../../packstation/app/packing.py" line="180"/>
        <source>The serial scanner is not connected (%1); retrying. Keyboard scanners still work.</source>
        <translation>Сканер на COM-порту не подключён (%1); пробуем снова. Сканеры в режиме клавиатуры работают.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/app/packing.py" line="233"/>
        <source>%n damaged line(s) in the journal of order %1 were set aside (kept for support, see History); the rest of the work was restored.</source>
        <translation>
            <numerusform>%n повреждённая строка журнала заказа %1 отложена (сохранена для поддержки, см. «Историю»); остальная работа восстановлена.</numerusform>
            <numerusform>%n повреждённые строки журнала заказа %1 отложены (сохранены для поддержки, см. «Историю»); остальная работа восстановлена.</numerusform>
            <numerusform>%n повреждённых строк журнала заказа %1 отложены (сохранены для поддержки, см. «Историю»); остальная работа восстановлена.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintQueuePanel</name>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="98"/>
        <source>Preview</source>
        <translation>Просмотр</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="93"/>
        <source>Job</source>
        <translation>Задание</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="93"/>
        <source>Boxes</source>
        <translation>Коробки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="93"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="93"/>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="96"/>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="101"/>
        <source>Recent labels</source>
        <translation>Последние ярлыки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="106"/>
        <source>Order / box</source>
        <translation>Заказ / коробка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="106"/>
        <source>Printed</source>
        <translation>Напечатан</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="107"/>
        <source>Reprint</source>
        <translation>Перепечатать</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="117"/>
        <source>Print queue</source>
        <translation>Очередь печати</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="213"/>
        <source>VOID</source>
        <translation>АННУЛИРОВАН</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="216"/>
        <source>Replaced by new labels: peel off %1</source>
        <translation>Заменены новыми ярлыками: снимите %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="230"/>
        <source>box %1</source>
        <translation>коробка %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="234"/>
        <source>Labels of order %1</source>
        <translation>Ярлыки заказа %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="235"/>
        <source>Reprint for order %1</source>
        <translation>Перепечатка для заказа %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="236"/>
        <source>Packing slips of order %1</source>
        <translation>Упаковочные листы заказа %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="242"/>
        <source>queued</source>
        <translation>в очереди</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="243"/>
        <source>printing</source>
        <translation>печатается</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="244"/>
        <source>done</source>
        <translation>готово</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="245"/>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="254"/>
        <source>Order %1</source>
        <translation>Заказ %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="260"/>
        <source>Box %1 of %2</source>
        <translation>Коробка %1 из %2</translation>
    </message>
</context>
<context>
    <name>PrinterSettingsPage</name>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="212"/>
        <source>Shipping labels</source>
        <translation>Ярлыки отправлений</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="213"/>
        <source>Documents (packing slips, command sheet)</source>
        <translation>Документы (упаковочные листы, лист команд)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="218"/>
        <source>Options</source>
        <translation>Параметры</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="220"/>
        <source>Render labels from label data (drivers that mangle PDFs)</source>
        <translation>Рисовать ярлыки по данным (для драйверов, портящих PDF)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="223"/>
        <source>Print a packing slip per box on the documents printer</source>
        <translation>Печатать упаковочный лист на каждую коробку на принтере документов</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="227"/>
        <source>&lt;data folder&gt;/labels</source>
        <translation>&lt;папка данных&gt;/labels</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="228"/>
        <source>Virtual printer folder:</source>
        <translation>Папка виртуального принтера:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="232"/>
        <source>Recent orders to keep for reprints:</source>
        <translation>Сколько последних заказов хранить для перепечатки:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="245"/>
        <source>Printing the test label…</source>
        <translation>Печать тестовой этикетки…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="251"/>
        <source>The test label failed.</source>
        <translation>Тестовая этикетка не напечаталась.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="251"/>
        <source>The test label was sent.</source>
        <translation>Тестовая этикетка отправлена на печать.</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="59"/>
        <source>Virtual printer (PDF files)</source>
        <translation>Виртуальный принтер (PDF-файлы)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="63"/>
        <source>%1 (not found)</source>
        <translation>%1 (не найден)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="66"/>
        <source>Printer:</source>
        <translation>Принтер:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="73"/>
        <source>Media:</source>
        <translation>Носитель:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="76"/>
        <source>Resolution (dpi):</source>
        <translation>Разрешение (dpi):</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="80"/>
        <source>Offset right (mm):</source>
        <translation>Сдвиг вправо (мм):</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="81"/>
        <source>Offset down (mm):</source>
        <translation>Сдвиг вниз (мм):</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="83"/>
        <source>The printer feeds labels sideways (rotate by 90°)</source>
        <translation>Принтер подаёт этикетку боком (повернуть на 90°)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="89"/>
        <source>printer default</source>
        <translation>как в принтере</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="91"/>
        <source>Used where the driver supports it (CUPS Zebra): 1 light … 30 dark</source>
        <translation>Работает, если драйвер поддерживает (CUPS Zebra): 1 светло … 30 темно</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="92"/>
        <source>Darkness:</source>
        <translation>Темнота:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="99"/>
        <source>Print test label</source>
        <translation>Напечатать тестовую этикетку</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="160"/>
        <source>The printer does not list a %1 × %2 mm size: create it in the driver&apos;s settings.</source>
        <translation>Принтер не знает размер %1 × %2 мм: создайте его в настройках драйвера.</translation>
    </message>
</context>
<context>
    <name>Raster</name>
    <message>
        <location filename="../../packstation/printing/raster.py" line="119"/>
        <source>The label PDF could not be read.</source>
        <translation>Не удалось прочитать PDF ярлыка.</translation>
    </message>
    <message>
        <location filename="../../packstation/printing/raster.py" line="120"/>
        <source>Fetch the labels again; if it repeats, turn on “render labels from label data”.</source>
        <translation>Запросите ярлыки заново; если ошибка повторится, включите «рисовать ярлыки по данным».</translation>
    </message>
</context>
<context>
    <name>RecordingBadge</name>
    <message>
        <location filename="../../packstation/ui/video_wiring.py" line="47"/>
        <source>● Recording video</source>
        <translation>● Идёт запись видео</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/video_wiring.py" line="50"/>
        <source>No video</source>
        <translation>Видео не пишется</translation>
    </message>
</context>
<context>
    <name>ReplayDecisions</name>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="72"/>
        <source>The saved box layout of order %1 is damaged (%2); lay out the boxes again.</source>
        <translation>Раскладка заказа %1 в журнале повреждена (%2); соберите коробки заново.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="91"/>
        <source>cancellation</source>
        <translation>отмена</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="102"/>
        <source>Order %1 is already %2/%3; not sent again.</source>
        <translation>Заказ %1 уже в статусе %2/%3; повторно не отправлено.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="110"/>
        <source>status change</source>
        <translation>смена статуса</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="114"/>
        <source>Order %1 is already handed to the courier (%2/%3); the code was not sent again.</source>
        <translation>Заказ %1 уже передан курьеру (%2/%3); код повторно не отправлялся.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="121"/>
        <source>The courier code for order %1 was not confirmed before the restart. Ask the courier for the code and enter it again.</source>
        <translation>Код курьера для заказа %1 не был подтверждён до перезапуска. Попросите курьера назвать код и введите его снова.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="132"/>
        <source>Unknown request type &apos;%1&apos; for order %2; it is kept and not sent.</source>
        <translation>Неизвестный тип запроса «%1» для заказа %2; он сохранён и не отправлен.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="144"/>
        <source>Order %1 is already packed (%2/%3) in %4 boxes; the layout was not resent.</source>
        <translation>Заказ %1 уже собран (%2/%3), коробок: %4; раскладка не отправлялась.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="149"/>
        <source>box layout</source>
        <translation>раскладка коробок</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="154"/>
        <source>Order %1 changed on the Market (%2); the saved layout was not sent. Open the order and pack it again.</source>
        <translation>Заказ %1 изменился на Маркете (%2); сохранённая раскладка не отправлена. Откройте заказ и соберите его заново.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="163"/>
        <source>The Market already holds this layout of order %1 (%2 boxes); not sent again.</source>
        <translation>Маркет уже хранит эту раскладку заказа %1 (коробок: %2); повторно не отправлено.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="177"/>
        <source>shortening</source>
        <translation>сокращение заказа</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="181"/>
        <source>The Market already shortened order %1; the request was not sent again.</source>
        <translation>Маркет уже сократил заказ %1; запрос повторно не отправлялся.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="187"/>
        <source>The shortening of order %1 was not confirmed before the restart and is not repeated on its own (it cannot be undone and the buyer is notified). The order is as it was: open it and shorten it again if the item is missing.</source>
        <translation>Сокращение заказа %1 не было подтверждено до перезапуска и само не повторяется (его нельзя отменить, покупатель получает уведомление). Заказ остался как был: откройте его и сократите ещё раз, если товара нет.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="214"/>
        <source>line %1 is gone</source>
        <translation>позиции %1 больше нет</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="216"/>
        <source>line %1 now has %2 units, the layout %3</source>
        <translation>в позиции %1 теперь %2 шт., в раскладке %3</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="222"/>
        <source>line %1 was added</source>
        <translation>добавилась позиция %1</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="229"/>
        <source>The delayed &apos;%1&apos; request for order %2 was sent.</source>
        <translation>Отложенный запрос «%1» по заказу %2 отправлен.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="239"/>
        <source>The Market&apos;s answer to the &apos;%1&apos; request for order %2 was lost, but the order shows it arrived; not sent again.</source>
        <translation>Ответ Маркета на запрос «%1» по заказу %2 потерялся, но заказ показывает, что запрос принят; повторно не отправлено.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="250"/>
        <source>Order %1 was cancelled (%2) while the request was waiting; it was not sent. Put the items back.</source>
        <translation>Заказ %1 отменён (%2), пока запрос ждал отправки; запрос не отправлен. Верните товары на место.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="259"/>
        <source>Order %1 is already cancelled; the cancellation was not resent.</source>
        <translation>Заказ %1 уже отменён; повторная отмена не отправлялась.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="263"/>
        <source>Order %1 is already cancelled (reason: %2); the cancellation was not resent.</source>
        <translation>Заказ %1 уже отменён (причина: %2); повторная отмена не отправлялась.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="272"/>
        <source>Order %1 is already ready to ship or handed over (%2/%3); not sent again.</source>
        <translation>Заказ %1 уже готов к отгрузке или передан (%2/%3); повторно не отправлено.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="281"/>
        <source>Order %1 is now %2/%3: the %4 no longer applies and was not sent.</source>
        <translation>Заказ %1 уже в статусе %2/%3: %4 больше невозможна и не отправлена.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="290"/>
        <source>Order %1 was not found on the Market; the delayed request was not sent.</source>
        <translation>Заказ %1 не найден на Маркете; отложенный запрос не отправлен.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="299"/>
        <source>The Market rejected the delayed request: %1</source>
        <translation>Маркет отклонил отложенный запрос: %1</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="306"/>
        <source>Not sent: the previous &apos;%1&apos; request for order %2 did not go through. Open the order and check it.</source>
        <translation>Не отправлено: предыдущий запрос по заказу %2 («%1») не прошёл. Откройте заказ и проверьте его.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="315"/>
        <source>no connection</source>
        <translation>нет связи</translation>
    </message>
    <message>
        <location filename="../../packstation/services/replay_decisions.py" line="318"/>
        <source>The request is waiting and will be retried: %1</source>
        <translation>Запрос ждёт отправки и будет повторён: %1</translation>
    </message>
</context>
<context>
    <name>ScaleDesk</name>
    <message>
        <location filename="../../packstation/ui/scale_panel.py" line="235"/>
        <source>The scale is not connected (%1); retrying.</source>
        <translation>Весы не подключены (%1); пробуем снова.</translation>
    </message>
</context>
<context>
    <name>ScalePanel</name>
    <message>
        <location filename="../../packstation/ui/scale_panel.py" line="52"/>
        <source>Accept the weights</source>
        <translation>Принять вес</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/scale_panel.py" line="55"/>
        <source>Submit although a box weighs outside its tolerance (recorded)</source>
        <translation>Отправить, хотя вес коробки вне допуска (это записывается)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/scale_panel.py" line="85"/>
        <source>Scale: not connected</source>
        <translation>Весы: не подключены</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/scale_panel.py" line="88"/>
        <source>Scale: waiting</source>
        <translation>Весы: ждём вес</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/scale_panel.py" line="91"/>
        <source>Scale: overload</source>
        <translation>Весы: перегрузка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/scale_panel.py" line="96"/>
        <source>Scale: %1 kg</source>
        <translation>Весы: %1 кг</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/scale_panel.py" line="96"/>
        <source>Scale: %1 kg ~</source>
        <translation>Весы: %1 кг ~</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/scale_panel.py" line="106"/>
        <source>no catalogue weight</source>
        <translation>вес в каталоге не указан</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/scale_panel.py" line="111"/>
        <source>Box %1: put it on the scale (expected %2)</source>
        <translation>Коробка %1: поставьте на весы (ожидается %2)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/scale_panel.py" line="116"/>
        <source>Box %1: %2 kg %3 (expected %4)</source>
        <translation>Коробка %1: %2 кг %3 (ожидается %4)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/scale_panel.py" line="119"/>
        <source> — accepted by the packer</source>
        <translation> — вес принят упаковщиком</translation>
    </message>
</context>
<context>
    <name>ScanRouter</name>
    <message>
        <location filename="../../packstation/services/scan_router.py" line="253"/>
        <source>No listed order matches the scan %1.</source>
        <translation>Ни один заказ из списка не подходит к скану %1.</translation>
    </message>
</context>
<context>
    <name>Scans</name>
    <message>
        <location filename="../../packstation/services/packing/scans.py" line="37"/>
        <source>the code was misread</source>
        <translation>код прочитан с ошибкой</translation>
    </message>
    <message>
        <location filename="../../packstation/services/packing/scans.py" line="41"/>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <location filename="../../packstation/services/packing/scans.py" line="44"/>
        <source>Code refused: %1.</source>
        <translation>Код не принят: %1.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/packing/scans.py" line="45"/>
        <source>Scan it again.</source>
        <translation>Отсканируйте ещё раз.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/packing/scans.py" line="126"/>
        <source>Unrecognised barcode: %1.</source>
        <translation>Непонятный штрихкод: %1.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/packing/scans.py" line="127"/>
        <source>Scan an item barcode, a marking code or a command.</source>
        <translation>Сканируйте штрихкод товара, код маркировки или команду.</translation>
    </message>
</context>
<context>
    <name>Secrets</name>
    <message>
        <location filename="../../packstation/secrets.py" line="53"/>
        <source>The API key contains characters that cannot be sent (%1).</source>
        <translation>Ключ API содержит символы, которые нельзя отправить (%1).</translation>
    </message>
    <message>
        <location filename="../../packstation/secrets.py" line="54"/>
        <source>Copy the key from the seller account again (Latin letters, digits and signs only, no line breaks) and save it in Settings; the app runs in demo mode until then.</source>
        <translation>Скопируйте ключ из кабинета продавца заново (только латиница, цифры и знаки, без переносов строк) и сохраните его в «Настройках»; пока работает демо-режим.</translation>
    </message>
    <message>
        <location filename="../../packstation/secrets.py" line="79"/>
        <source>The system keyring is unavailable (%1).</source>
        <translation>Хранилище паролей системы недоступно (%1).</translation>
    </message>
    <message>
        <location filename="../../packstation/secrets.py" line="80"/>
        <source>Set the API key in the %1 environment variable or install a keyring backend; without a key the app runs in demo mode.</source>
        <translation>Задайте ключ API в переменной окружения %1 или установите keyring-бэкенд; без ключа работает демо-режим.</translation>
    </message>
</context>
<context>
    <name>Sender</name>
    <message>
        <location filename="../../packstation/services/packing/sender.py" line="95"/>
        <source>The Market did not move the order to %1/%2. %3</source>
        <translation>Маркет не перевёл заказ в %1/%2. %3</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../packstation/data_dir.py" line="64"/>
        <source>The data folder %1 is unusable (%2); settings and the journal are kept in %3 for now.</source>
        <translation>Папка данных %1 недоступна (%2); настройки и журнал временно хранятся в %3.</translation>
    </message>
    <message>
        <location filename="../../packstation/data_dir.py" line="68"/>
        <source>Choose a writable folder with --data-dir.</source>
        <translation>Укажите доступную папку параметром --data-dir.</translation>
    </message>
    <message>
        <location filename="../../packstation/settings.py" line="134"/>
        <source>it could not be renamed</source>
        <translation>его не удалось переименовать</translation>
    </message>
    <message>
        <location filename="../../packstation/settings.py" line="136"/>
        <source>a copy is in %1</source>
        <translation>копия: %1</translation>
    </message>
    <message>
        <location filename="../../packstation/settings.py" line="139"/>
        <source>The settings file is damaged; using defaults (%1).</source>
        <translation>Файл настроек повреждён, используются настройки по умолчанию (%1).</translation>
    </message>
    <message>
        <location filename="../../packstation/settings.py" line="140"/>
        <source>Check the store and printer in Settings.</source>
        <translation>Проверьте магазин и принтер в «Настройках».</translation>
    </message>
    <message>
        <location filename="../../packstation/settings.py" line="159"/>
        <source>Could not save the settings to %1: %2.</source>
        <translation>Не удалось сохранить настройки в %1: %2.</translation>
    </message>
    <message>
        <location filename="../../packstation/settings.py" line="162"/>
        <source>Check the data folder&apos;s permissions.</source>
        <translation>Проверьте права на папку данных.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="92"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="108"/>
        <source>Stored in the system keyring; leave empty to keep it</source>
        <translation>Хранится в системном хранилище паролей; оставьте пустым, чтобы не менять</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="110"/>
        <source>Api-Key from the seller cabinet (Settings → API)</source>
        <translation>Api-Key из кабинета продавца (Настройки → API)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="112"/>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="114"/>
        <source>Campaign ID:</source>
        <translation>ID кампании:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="115"/>
        <source>Business ID:</source>
        <translation>ID кабинета:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="116"/>
        <source>API URL:</source>
        <translation>Адрес API:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="117"/>
        <source>API key:</source>
        <translation>API-ключ:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="125"/>
        <source>Virtual printer (PDF files)</source>
        <translation>Виртуальный принтер (PDF-файлы)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="130"/>
        <location filename="../../packstation/ui/settings_dialog.py" line="198"/>
        <source>%1 (not found)</source>
        <translation>%1 (не найден)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="132"/>
        <source>Labels</source>
        <translation>Ярлыки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="134"/>
        <source>Label format:</source>
        <translation>Формат ярлыка:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="135"/>
        <source>Label printer:</source>
        <translation>Принтер ярлыков:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="145"/>
        <location filename="../../packstation/ui/settings_dialog.py" line="149"/>
        <location filename="../../packstation/ui/settings_dialog.py" line="161"/>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="151"/>
        <source>Station</source>
        <translation>Станция</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="153"/>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="154"/>
        <source>Station name:</source>
        <translation>Название станции:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="155"/>
        <source>Packer:</source>
        <translation>Упаковщик:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="156"/>
        <source>Refresh orders every:</source>
        <translation>Обновлять заказы каждые:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="157"/>
        <source>…with Express orders:</source>
        <translation>…при экспресс-заказах:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="162"/>
        <source>off</source>
        <translation>выкл.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="164"/>
        <source>Submit this many seconds after the last unit is packed (scan CANCEL to stop); 0: off</source>
        <translation>Отправлять через столько секунд после укладки последней единицы (отмена — штрихкод CANCEL); 0 — выключено</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="167"/>
        <source>Submit automatically after:</source>
        <translation>Отправлять автоматически через:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="174"/>
        <source>Orders the Market sends without a shipment time are due at this time (Moscow) on their shipment day; the list counts down to it</source>
        <translation>Заказы, для которых Маркет не указал время отгрузки, нужно собрать к этому времени (московскому) в день отгрузки; список считает время до него</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="178"/>
        <source>Shipment time, Moscow:</source>
        <translation>Время отгрузки (МСК):</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="182"/>
        <source>postgresql://user@server/warehouse (empty: this desk alone)</source>
        <translation>postgresql://пользователь@сервер/склад (пусто: стол работает один)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="185"/>
        <source>station name or host name</source>
        <translation>имя станции или компьютера</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="186"/>
        <source>Warehouse database:</source>
        <translation>База склада:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="187"/>
        <source>Desk name:</source>
        <translation>Имя стола:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="192"/>
        <source>None (keyboard scanner)</source>
        <translation>Нет (сканер в режиме клавиатуры)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="204"/>
        <source>Without a port: use the one USB scanner found</source>
        <translation>Без порта: использовать единственный найденный USB-сканер</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="206"/>
        <source>Serial scanner (USB-COM)</source>
        <translation>Сканер на COM-порту (USB-COM)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="208"/>
        <location filename="../../packstation/ui/settings_dialog.py" line="286"/>
        <source>Port:</source>
        <translation>Порт:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="209"/>
        <location filename="../../packstation/ui/settings_dialog.py" line="287"/>
        <source>Baud rate:</source>
        <translation>Скорость (бод):</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="244"/>
        <source>Store and station</source>
        <translation>Магазин и станция</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="245"/>
        <source>Devices</source>
        <translation>Устройства</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="246"/>
        <source>Printing</source>
        <translation>Печать</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="247"/>
        <source>Packers</source>
        <translation>Упаковщики</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="258"/>
        <source>No scale</source>
        <translation>Без весов</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="259"/>
        <source>Serial, continuous output (CAS, Mercury, A&amp;D…)</source>
        <translation>COM-порт, непрерывная передача (CAS, Меркурий, A&amp;D…)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="260"/>
        <source>Serial, Massa-K Protocol 100</source>
        <translation>COM-порт, Масса-К «Протокол 100»</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="261"/>
        <source>USB HID postal scale</source>
        <translation>USB HID (почтовые весы)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="273"/>
        <source>Serial port, or /dev/hidrawN for a HID scale (empty: the first one found)</source>
        <translation>COM-порт или /dev/hidrawN для HID-весов (пусто: первые найденные)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="281"/>
        <source>Every box must be weighed before its label prints</source>
        <translation>Каждую коробку взвешивать до печати ярлыка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="283"/>
        <source>Scale</source>
        <translation>Весы</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="285"/>
        <source>Scale:</source>
        <translation>Весы:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="288"/>
        <source>Packaging allowance:</source>
        <translation>Вес упаковки:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="289"/>
        <source>Tolerance:</source>
        <translation>Допуск:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="299"/>
        <source>No camera</source>
        <translation>Без камеры</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="300"/>
        <source>Generated test pattern (demo)</source>
        <translation>Тестовая картинка (демо)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="301"/>
        <source>Default camera</source>
        <translation>Камера по умолчанию</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="310"/>
        <source>A camera&apos;s name as the system lists it, or an IP camera&apos;s rtsp:// address</source>
        <translation>Название камеры, как его показывает система, или адрес IP-камеры rtsp://…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="314"/>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="319"/>
        <source> GB</source>
        <translation> ГБ</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="321"/>
        <source>Camera (packing video)</source>
        <translation>Камера (видео упаковки)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="323"/>
        <source>Camera:</source>
        <translation>Камера:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="324"/>
        <source>Keep video for:</source>
        <translation>Хранить видео:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="325"/>
        <source>Disk budget:</source>
        <translation>Место на диске:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="379"/>
        <source>Keep the warehouse database password out of its address: put it in ~/.pgpass.</source>
        <translation>Не указывайте пароль базы склада в адресе: сохраните его в ~/.pgpass.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="401"/>
        <source> kg</source>
        <translation> кг</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../packstation/app/shell.py" line="297"/>
        <source>Packstation is already open here: the second start was refused.</source>
        <translation>Packstation уже открыт здесь: повторный запуск отменён.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/app/shell.py" line="454"/>
        <source>…and %n more</source>
        <translation>
            <numerusform>…и ещё %n</numerusform>
            <numerusform>…и ещё %n</numerusform>
            <numerusform>…и ещё %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/app/shell.py" line="458"/>
        <source>%n change(s) from an earlier session reached the Market.</source>
        <translation>
            <numerusform>%n изменение из прошлого сеанса передано в Маркет.</numerusform>
            <numerusform>%n изменения из прошлого сеанса переданы в Маркет.</numerusform>
            <numerusform>%n изменений из прошлого сеанса передано в Маркет.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/app/shell.py" line="521"/>
        <source>Reprinting box label %1-%2.</source>
        <translation>Перепечатываем ярлык коробки %1-%2.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/app/shell.py" line="557"/>
        <source>%n new order(s) arrived.</source>
        <translation>
            <numerusform>Пришёл %n новый заказ.</numerusform>
            <numerusform>Пришли %n новых заказа.</numerusform>
            <numerusform>Пришло %n новых заказов.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/app/shell.py" line="637"/>
        <source>Settings saved. Restart Packstation to apply the new store or language.</source>
        <translation>Настройки сохранены. Перезапустите Packstation, чтобы применить новый магазин или язык.</translation>
    </message>
    <message>
        <location filename="../../packstation/app/shell.py" line="640"/>
        <source>Settings saved.</source>
        <translation>Настройки сохранены.</translation>
    </message>
</context>
<context>
    <name>ShiftPanel</name>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="52"/>
        <source>Shift</source>
        <translation>Смена</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="63"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="64"/>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="65"/>
        <source>Export CSV</source>
        <translation>Экспорт CSV</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="73"/>
        <source>Packer</source>
        <translation>Упаковщик</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="74"/>
        <source>Desk</source>
        <translation>Стол</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="75"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="76"/>
        <source>Units</source>
        <translation>Единиц</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="77"/>
        <source>Codes</source>
        <translation>Кодов</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="78"/>
        <source>Refused scans</source>
        <translation>Ошибочных сканов</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="79"/>
        <source>Late</source>
        <translation>С опозданием</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="80"/>
        <source>Avg per order</source>
        <translation>Среднее на заказ</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="81"/>
        <source>Units/hour</source>
        <translation>Единиц в час</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="88"/>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="90"/>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="121"/>
        <location filename="../../packstation/ui/shift_panel.py" line="122"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="143"/>
        <source>Saved to %1.</source>
        <translation>Сохранено в %1.</translation>
    </message>
</context>
<context>
    <name>ShiftSettingsPage</name>
    <message>
        <location filename="../../packstation/ui/shift_settings_page.py" line="19"/>
        <source>Require sign-in before packing</source>
        <translation>Требовать вход перед упаковкой</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_settings_page.py" line="23"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_settings_page.py" line="24"/>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_settings_page.py" line="28"/>
        <source>One packer per line: a name, or a name and a badge id after a semicolon. Print the badges with: packstation badges --out badges.pdf</source>
        <translation>По одному упаковщику в строке: имя, или имя и номер бейджа через точку с запятой. Бейджи печатаются командой: packstation badges --out badges.pdf</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_settings_page.py" line="35"/>
        <source>Packers</source>
        <translation>Упаковщики</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_settings_page.py" line="38"/>
        <source>Sign out after idle</source>
        <translation>Выход при простое</translation>
    </message>
</context>
<context>
    <name>Shipments</name>
    <message>
        <location filename="../../packstation/services/shipments.py" line="142"/>
        <source>%1 Confirmation opens after the cutoff, before the %2 handover.</source>
        <translation>%1 Подтвердить можно после отсечки, до передачи в %2.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/shipments.py" line="147"/>
        <source>Shipment %1 confirmed.</source>
        <translation>Отгрузка %1 подтверждена.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/shipments.py" line="153"/>
        <source>The Market does not allow changing this shipment&apos;s pallet count.</source>
        <translation>Маркет не даёт менять число палет этой отгрузки.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/shipments.py" line="162"/>
        <source>Pallets: %1.</source>
        <translation>Палет: %1.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/shipments.py" line="173"/>
        <source>The Market does not offer this document yet: confirm the shipment first.</source>
        <translation>Маркет пока не выдаёт этот документ: сначала подтвердите отгрузку.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/shipments.py" line="217"/>
        <source>This is an Excel file: save it and print it from a spreadsheet program.</source>
        <translation>Это файл Excel: сохраните его и распечатайте из таблицы.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/shipments.py" line="223"/>
        <source>No documents printer is set up.</source>
        <translation>Принтер документов не настроен.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/shipments.py" line="224"/>
        <source>Save the file.</source>
        <translation>Сохраните файл.</translation>
    </message>
</context>
<context>
    <name>ShipmentsView</name>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="73"/>
        <source>Shipments</source>
        <translation>Отгрузки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="84"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="86"/>
        <source>Act for the nearest shipment</source>
        <translation>Акт ближайшей отгрузки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="88"/>
        <source>The Market confirms the nearest shipment past its cutoff and returns its act</source>
        <translation>Маркет подтвердит ближайшую отгрузку после отсечки и вернёт её акт</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="95"/>
        <source>Handover</source>
        <translation>Передача</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="96"/>
        <source>Destination</source>
        <translation>Куда</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="97"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="98"/>
        <source>Orders: packed / to pack / cancelled</source>
        <translation>Заказы: собрано / осталось / отменено</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="99"/>
        <source>Pallets</source>
        <translation>Палеты</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="100"/>
        <source>The Market allows</source>
        <translation>Маркет разрешает</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="111"/>
        <source>Orders still to pack (double-click to open):</source>
        <translation>Осталось собрать (двойной щелчок — открыть):</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="117"/>
        <source>Confirm shipment</source>
        <translation>Подтвердить отгрузку</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="118"/>
        <source>Print act</source>
        <translation>Печать акта</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="119"/>
        <source>Save act</source>
        <translation>Сохранить акт</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="120"/>
        <source>Save waybill (Excel)</source>
        <translation>Сохранить накладную (Excel)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="121"/>
        <source>Print inbound act</source>
        <translation>Печать акта приёмки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="122"/>
        <source>Save discrepancy act (Excel)</source>
        <translation>Сохранить акт расхождений (Excel)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="125"/>
        <source>Set pallets</source>
        <translation>Задать палеты</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="126"/>
        <source>Print pallet labels</source>
        <translation>Ярлыки палет</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="127"/>
        <source>Pick list</source>
        <translation>Лист сборки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="128"/>
        <source>Batch labels</source>
        <translation>Ярлыки пачкой</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="188"/>
        <source>Shipments from %1</source>
        <translation>Отгрузки с %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="211"/>
        <source>confirm</source>
        <translation>подтвердить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="212"/>
        <source>act</source>
        <translation>акт</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="213"/>
        <source>inbound act</source>
        <translation>акт приёмки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="214"/>
        <source>discrepancy act</source>
        <translation>акт расхождений</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="215"/>
        <source>waybill</source>
        <translation>накладная</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="216"/>
        <source>pallets</source>
        <translation>палеты</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="255"/>
        <source>Order %1</source>
        <translation>Заказ %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="321"/>
        <source>No packed orders in this shipment yet.</source>
        <translation>В этой отгрузке ещё нет собранных заказов.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="331"/>
        <source>%1 sent to the documents printer.</source>
        <translation>Отправлено на принтер документов: %1.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="334"/>
        <source>Saved to %1.</source>
        <translation>Сохранено в %1.</translation>
    </message>
</context>
<context>
    <name>ShortenDialog</name>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="64"/>
        <source>Shorten order %1</source>
        <translation>Сокращение заказа %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="73"/>
        <source>of %1</source>
        <translation>из %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="78"/>
        <source>Set how many units of each item stay in the order (0 removes the item).</source>
        <translation>Укажите, сколько единиц каждого товара остаётся в заказе (0 — убрать товар).</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="84"/>
        <source>I understand: removed items cannot be added back</source>
        <translation>Понимаю: убранные товары вернуть нельзя</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="87"/>
        <source>Shorten</source>
        <translation>Сократить</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_dialogs.py" line="117"/>
        <source>Allowed by the rules known here: the Market is asked to remove %n unit(s).</source>
        <translation>
            <numerusform>По известным здесь правилам можно: в Маркет уйдёт запрос убрать %n единицу.</numerusform>
            <numerusform>По известным здесь правилам можно: в Маркет уйдёт запрос убрать %n единицы.</numerusform>
            <numerusform>По известным здесь правилам можно: в Маркет уйдёт запрос убрать %n единиц.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortenNotice</name>
    <message>
        <location filename="../../packstation/ui/shorten_notice.py" line="58"/>
        <source>Pack in full</source>
        <translation>Собрать полностью</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shorten_notice.py" line="60"/>
        <source>Keep the order as it is and pack every item</source>
        <translation>Оставить заказ как есть и собрать все товары</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shorten_notice.py" line="61"/>
        <source>Cancel order…</source>
        <translation>Отменить заказ…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shorten_notice.py" line="63"/>
        <source>Check again</source>
        <translation>Проверить ещё раз</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shorten_notice.py" line="65"/>
        <source>Read the order from the Market: its items tell the answer</source>
        <translation>Прочитать заказ из Маркета: его товары покажут ответ</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shorten_notice.py" line="104"/>
        <source>Not shortened: the order is as it was</source>
        <translation>Заказ не сокращён: он остался как был</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shorten_notice.py" line="121"/>
        <source>%1: %2 → %3 pcs</source>
        <translation>%1: %2 → %3 шт.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shorten_notice.py" line="122"/>
        <source>Nothing changes until the Market accepts: keep the items at hand.</source>
        <translation>Пока Маркет не согласится, ничего не меняется: держите товары под рукой.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shorten_notice.py" line="124"/>
        <source>Shortening sent to the Market: waiting for its answer…</source>
        <translation>Сокращение отправлено в Маркет: ждём ответа…</translation>
    </message>
</context>
<context>
    <name>Shortening</name>
    <message>
        <location filename="../../packstation/services/packing/shortening.py" line="37"/>
        <source>The Market did not confirm the shortening: nothing was removed, the order is as it was.</source>
        <translation>Маркет не подтвердил сокращение заказа: товары не убраны, заказ остался как был.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/packing/shortening.py" line="41"/>
        <source>If the item is missing, shorten the order again.</source>
        <translation>Если товара нет, сократите заказ ещё раз.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/packing/shortening.py" line="48"/>
        <source>The Market has not answered the shortening yet: wait for its answer.</source>
        <translation>Маркет ещё не ответил на сокращение заказа — подождите его ответа.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/packing/shortening.py" line="173"/>
        <source>No answer from the Market to the shortening: it waits for confirmation; the order is not changed yet.</source>
        <translation>Нет ответа Маркета на сокращение заказа: оно ждёт подтверждения, заказ пока не изменён.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/packing/shortening.py" line="178"/>
        <source>When the connection is back, press “Check again”: the order&apos;s items on the Market tell the answer.</source>
        <translation>Когда связь вернётся, нажмите «Проверить ещё раз»: товары заказа в Маркете покажут ответ.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/packing/shortening.py" line="194"/>
        <source>The shortening was not sent: %1 The order is as it was.</source>
        <translation>Сокращение не отправлено: %1 Заказ остался как был.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/packing/shortening.py" line="197"/>
        <source>Try again when the connection is back.</source>
        <translation>Попробуйте ещё раз, когда связь вернётся.</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="160"/>
        <source>Split into part boxes</source>
        <translation>Разделить на части</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="168"/>
        <source>Boxes per unit</source>
        <translation>Коробок на единицу</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="169"/>
        <source>Units to split</source>
        <translation>Сколько единиц разделить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="170"/>
        <source>Each unit&apos;s marking codes go into every one of its part boxes.</source>
        <translation>Коды маркировки единицы попадут в каждую из её коробок.</translation>
    </message>
</context>
<context>
    <name>State</name>
    <message>
        <location filename="../../packstation/services/packing/state.py" line="29"/>
        <source>The order is being sent: wait.</source>
        <translation>Заказ отправляется в Маркет — подождите.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/packing/state.py" line="30"/>
        <source>The Market is checking codes: wait.</source>
        <translation>Маркет проверяет коды — подождите.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/packing/state.py" line="31"/>
        <source>The order is already ready to ship.</source>
        <translation>Заказ уже готов к отгрузке.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/packing/state.py" line="32"/>
        <source>The order is already packed.</source>
        <translation>Заказ уже собран.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/packing/state.py" line="33"/>
        <source>The order is cancelled.</source>
        <translation>Заказ отменён.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/packing/state.py" line="34"/>
        <source>The order changed; packing stopped.</source>
        <translation>Заказ изменился — сборка остановлена.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/packing/state.py" line="37"/>
        <source>This cannot be done now.</source>
        <translation>Сейчас это сделать нельзя.</translation>
    </message>
</context>
<context>
    <name>Stats</name>
    <message>
        <location filename="../../packstation/domain/stats.py" line="70"/>
        <source>Give creation dates or update dates: the Market does not accept both.</source>
        <translation>Укажите даты создания или даты изменения — Маркет не принимает их вместе.</translation>
    </message>
    <message>
        <location filename="../../packstation/domain/stats.py" line="75"/>
        <source>The start date is after the end date.</source>
        <translation>Дата «с» позже даты «по».</translation>
    </message>
</context>
<context>
    <name>StatsPanel</name>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="74"/>
        <location filename="../../packstation/ui/stats_panel.py" line="136"/>
        <source>Created</source>
        <translation>Созданы</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="75"/>
        <source>Changed</source>
        <translation>Изменены</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="86"/>
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="89"/>
        <source>Only with marking codes</source>
        <translation>Только с кодами маркировки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="90"/>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="93"/>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="96"/>
        <source>Export CSV…</source>
        <translation>Выгрузить CSV…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="99"/>
        <source>History of the order</source>
        <translation>История заказа</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="106"/>
        <source>from</source>
        <translation>с</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="108"/>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/stats_panel.py" line="119"/>
        <source>The Market&apos;s statistics lag up to %n minute(s) behind the orders.</source>
        <translation>
            <numerusform>Статистика Маркета отстаёт от заказов до %n минуты.</numerusform>
            <numerusform>Статистика Маркета отстаёт от заказов до %n минут.</numerusform>
            <numerusform>Статистика Маркета отстаёт от заказов до %n минут.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="135"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="137"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="138"/>
        <source>Items</source>
        <translation>Товары</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="139"/>
        <source>Units (initial → final)</source>
        <translation>Штук (было → стало)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="140"/>
        <source>Payments, ₽</source>
        <translation>Платежи, ₽</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="141"/>
        <source>Commissions, ₽</source>
        <translation>Комиссии, ₽</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="142"/>
        <source>Our number</source>
        <translation>Наш номер</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="160"/>
        <source>Orders per day</source>
        <translation>Заказов по дням</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="201"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="216"/>
        <source>Pages: %1, orders: %2</source>
        <translation>Страниц: %1, заказов: %2</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="243"/>
        <source>delivered</source>
        <translation>доставлены</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="244"/>
        <source>cancelled in processing</source>
        <translation>отменены при обработке</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="245"/>
        <source>cancelled before processing or in delivery</source>
        <translation>отменены до обработки или в доставке</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="246"/>
        <source>returned</source>
        <translation>возвращены</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="247"/>
        <source>lost</source>
        <translation>утеряны</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="248"/>
        <source>in progress</source>
        <translation>в работе</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="255"/>
        <source>Orders: %1</source>
        <translation>Заказов: %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="257"/>
        <source>Payments: %1 ₽, commissions: %2 ₽, shortened orders: %3</source>
        <translation>Платежи: %1 ₽, комиссии: %2 ₽, заказов с удалёнными товарами: %3</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="266"/>
        <source>Stopped: only the pages read so far are counted.</source>
        <translation>Остановлено: посчитаны только прочитанные страницы.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="274"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="319"/>
        <source>Export statistics</source>
        <translation>Выгрузка статистики</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="319"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="331"/>
        <source>Could not save the file: %1</source>
        <translation>Не удалось сохранить файл: %1</translation>
    </message>
</context>
<context>
    <name>Submit</name>
    <message>
        <location filename="../../packstation/services/packing/submit.py" line="76"/>
        <source>%1 (and %2 more)</source>
        <translation>%1 (и ещё %2)</translation>
    </message>
    <message>
        <location filename="../../packstation/services/packing/submit.py" line="192"/>
        <source>The Market is still checking the codes: waiting to retry READY_TO_SHIP.</source>
        <translation>Маркет ещё проверяет коды — ждём и повторим «Готов к отгрузке».</translation>
    </message>
</context>
<context>
    <name>SystemPrinter</name>
    <message>
        <location filename="../../packstation/printing/system_printer.py" line="118"/>
        <source>Printer “%1” was not found.</source>
        <translation>Принтер «%1» не найден.</translation>
    </message>
    <message>
        <location filename="../../packstation/printing/system_printer.py" line="119"/>
        <source>Check that it is switched on and installed, or choose another one in the print settings.</source>
        <translation>Проверьте, что он включён и установлен в системе, или выберите другой в настройках печати.</translation>
    </message>
    <message>
        <location filename="../../packstation/printing/system_printer.py" line="128"/>
        <source>Printer “%1” did not accept the job.</source>
        <translation>Принтер «%1» не принял задание.</translation>
    </message>
    <message>
        <location filename="../../packstation/printing/system_printer.py" line="129"/>
        <source>Check power, cable, labels and ribbon, then press Retry.</source>
        <translation>Проверьте питание, кабель, бумагу и ленту, затем нажмите «Повторить».</translation>
    </message>
    <message>
        <location filename="../../packstation/printing/system_printer.py" line="135"/>
        <source>Printer “%1” does not accept the %2 page size.</source>
        <translation>Принтер «%1» не принимает размер %2.</translation>
    </message>
    <message>
        <location filename="../../packstation/printing/system_printer.py" line="136"/>
        <source>Create this label size in the printer driver&apos;s settings or choose another format.</source>
        <translation>Задайте этот размер этикетки в настройках драйвера принтера или выберите другой формат.</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <location filename="../../packstation/services/packing/values.py" line="102"/>
        <source>The Market is still checking the marking codes.</source>
        <translation>Маркет ещё проверяет коды маркировки.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/packing/values.py" line="104"/>
        <source>Wait: the status is set once the check is over.</source>
        <translation>Подождите: статус будет установлен после проверки.</translation>
    </message>
</context>
<context>
    <name>Verification</name>
    <message>
        <location filename="../../packstation/services/packing/verification.py" line="108"/>
        <source>The Market refused %1 code(s). Scan replacements.</source>
        <translation>Маркет не принял кодов: %1. Отсканируйте вместо них другие.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/packing/verification.py" line="111"/>
        <source>Replace the codes marked red, then submit again.</source>
        <translation>Коды с красной отметкой нужно заменить, затем отправить заказ снова.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/packing/verification.py" line="142"/>
        <source>The Market is still checking the codes.</source>
        <translation>Маркет ещё проверяет коды.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/packing/verification.py" line="143"/>
        <source>Check again later with “Check codes”.</source>
        <translation>Проверьте позже кнопкой «Проверить коды».</translation>
    </message>
</context>
<context>
    <name>VideoCli</name>
    <message>
        <location filename="../../packstation/video_cli.py" line="58"/>
        <source>Claim on order %1 closed.</source>
        <translation>Претензия по заказу %1 закрыта.</translation>
    </message>
    <message>
        <location filename="../../packstation/video_cli.py" line="63"/>
        <source>Order %1&apos;s video is kept until the claim is closed.</source>
        <translation>Видео заказа %1 сохраняется до закрытия претензии.</translation>
    </message>
    <message>
        <location filename="../../packstation/video_cli.py" line="76"/>
        <source>Order %1 has no video.</source>
        <translation>У заказа %1 нет видео.</translation>
    </message>
    <message>
        <location filename="../../packstation/video_cli.py" line="81"/>
        <source>Video not exported: %1.</source>
        <translation>Видео не выгружено: %1.</translation>
    </message>
    <message>
        <location filename="../../packstation/video_cli.py" line="84"/>
        <source>Skipped an unreadable clip: %1</source>
        <translation>Пропущен нечитаемый файл: %1</translation>
    </message>
    <message>
        <location filename="../../packstation/video_cli.py" line="86"/>
        <source>Exported %1 clips (%2 s) to %3</source>
        <translation>Выгружено клипов: %1 (%2 с) -&gt; %3</translation>
    </message>
</context>
<context>
    <name>VideoDesk</name>
    <message>
        <location filename="../../packstation/ui/video_wiring.py" line="210"/>
        <source>The camera does not work (%1); packing goes on without video.</source>
        <translation>Камера не работает (%1); упаковка продолжается без видео.</translation>
    </message>
</context>
<context>
    <name>VideoRecording</name>
    <message>
        <location filename="../../packstation/services/video_recording.py" line="147"/>
        <source>The packing video is not recording: the disk is almost full.</source>
        <translation>Видео упаковки не записывается: на диске мало места.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/video_recording.py" line="150"/>
        <source>Free some disk space; packing goes on without video.</source>
        <translation>Освободите место на диске; упаковка продолжается без видео.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/video_recording.py" line="211"/>
        <source>The packing video stopped: %1. Packing goes on.</source>
        <translation>Видео упаковки остановлено: %1. Упаковка продолжается.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/video_recording.py" line="214"/>
        <source>Free some disk space: the next order records again.</source>
        <translation>Освободите место на диске: следующий заказ снова запишется.</translation>
    </message>
    <message>
        <location filename="../../packstation/services/video_recording.py" line="253"/>
        <source>disk full</source>
        <translation>диск заполнен</translation>
    </message>
</context>
<context>
    <name>VirtualPrinter</name>
    <message>
        <location filename="../../packstation/printing/virtual_printer.py" line="48"/>
        <source>The print job is not a PDF.</source>
        <translation>Задание печати не является PDF.</translation>
    </message>
    <message>
        <location filename="../../packstation/printing/virtual_printer.py" line="49"/>
        <source>Fetch the labels again.</source>
        <translation>Запросите ярлыки заново.</translation>
    </message>
    <message>
        <location filename="../../packstation/printing/virtual_printer.py" line="66"/>
        <source>Could not write the PDF into %1: %2.</source>
        <translation>Не удалось записать PDF в папку %1: %2.</translation>
    </message>
    <message>
        <location filename="../../packstation/printing/virtual_printer.py" line="69"/>
        <source>Choose another virtual printer folder in the print settings.</source>
        <translation>Выберите другую папку виртуального принтера в настройках печати.</translation>
    </message>
    <message>
        <location filename="../../packstation/printing/virtual_printer.py" line="81"/>
        <source>Could not open %1: %2.</source>
        <translation>Не удалось открыть %1: %2.</translation>
    </message>
    <message>
        <location filename="../../packstation/printing/virtual_printer.py" line="93"/>
        <source>Could not save %1.</source>
        <translation>Не удалось сохранить %1.</translation>
    </message>
</context>
</TS>
