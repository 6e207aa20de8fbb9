<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AppStatusBar</name>
    <message numerus="yes">
        <location filename="../../packstation/ui/status_bar.py" line="83"/>
        <source>Orders: %n</source>
        <translation>
            <numerusform>Заказов: %n</numerusform>
            <numerusform>Заказов: %n</numerusform>
            <numerusform>Заказов: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="85"/>
        <source>Orders: %1 of %2</source>
        <translation>Заказов: %1 из %2</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="90"/>
        <source>Updated at %1</source>
        <translation>Обновлено в %1</translation>
    </message>
</context>
<context>
    <name>BoxesModel</name>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="459"/>
        <source>Box {n}: part {current} of {total}</source>
        <translation>Коробка {n}: часть {current} из {total}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="464"/>
        <source>Box {n}: empty</source>
        <translation>Коробка {n}: пустая</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="466"/>
        <source>Box {n}: whole goods, {units} pcs</source>
        <translation>Коробка {n}: целые товары, {units} шт.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="468"/>
        <source>(closed)</source>
        <translation>(закрыта)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="470"/>
        <source>← scans go here</source>
        <translation>← сканы сюда</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="477"/>
        <source>checked</source>
        <translation>проверен</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="478"/>
        <source>being checked</source>
        <translation>проверяется</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="479"/>
        <source>not checked</source>
        <translation>не проверяется</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="480"/>
        <source>refused: scan another</source>
        <translation>отклонён: отсканируйте другой</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="481"/>
        <source>sale forbidden: scan another</source>
        <translation>продажа запрещена: отсканируйте другой</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="482"/>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="534"/>
        <source>+ Drop here for a new box</source>
        <translation>+ Перетащите сюда — новая коробка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="541"/>
        <source>{name} (part {current} of {total})</source>
        <translation>{name} (часть {current} из {total})</translation>
    </message>
</context>
<context>
    <name>CancelOrderDialog</name>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="122"/>
        <source>Cancel order %1</source>
        <translation>Отмена заказа %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="125"/>
        <source>The order will be cancelled on the Market because the shop cannot fulfil it (SHOP_FAILED). The buyer is notified; this cannot be undone and counts against the store&apos;s rating. Put the items back on the shelf.</source>
        <translation>Заказ будет отменён в Маркете, потому что магазин не может его выполнить (SHOP_FAILED). Покупатель получит уведомление; отменить это нельзя, и это влияет на рейтинг магазина. Верните товары на полку.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="132"/>
        <source>Yes, cancel this order</source>
        <translation>Да, отменить этот заказ</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="135"/>
        <source>Cancel order</source>
        <translation>Отменить заказ</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="43"/>
        <source>Demo</source>
        <translation>Демо</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="44"/>
        <source>Online</source>
        <translation>В сети</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="45"/>
        <source>Offline</source>
        <translation>Нет связи</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="46"/>
        <source>Rate-limited</source>
        <translation>Лимит запросов</translation>
    </message>
</context>
<context>
    <name>CountryDialog</name>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="188"/>
        <source>Country of origin</source>
        <translation>Страна происхождения</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="197"/>
        <source>Customs declaration</source>
        <translation>Таможенная декларация (ГТД)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="198"/>
        <source>Country code (two letters)</source>
        <translation>Код страны (две буквы)</translation>
    </message>
</context>
<context>
    <name>CourierCodePanel</name>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="231"/>
        <source>Hand the order to the courier</source>
        <translation>Передача заказа курьеру</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="233"/>
        <source>Ask the courier for the code in their app and type or scan it.</source>
        <translation>Спросите у курьера код из его приложения и введите или отсканируйте его.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="237"/>
        <source>Courier code</source>
        <translation>Код курьера</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="240"/>
        <source>Check code</source>
        <translation>Проверить код</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="261"/>
        <source>Enter the courier&apos;s code.</source>
        <translation>Введите код курьера.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="272"/>
        <source>Code accepted: give the parcels to the courier.</source>
        <translation>Код принят: отдайте посылки курьеру.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="275"/>
        <source>No attempts left. The Market sends the courier a new code: ask them to refresh it in their app.</source>
        <translation>Попытки закончились. Маркет выдаст курьеру новый код: попросите обновить его в приложении.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="281"/>
        <source>Wrong code.</source>
        <translation>Неверный код.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="282"/>
        <source>Attempts left: %1</source>
        <translation>Осталось попыток: %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="286"/>
        <source>The Market gave no clear answer: try again.</source>
        <translation>Маркет не дал ясного ответа: попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../packstation/ui/crash_dialog.py" line="43"/>
        <source>Unexpected error</source>
        <translation>Непредвиденная ошибка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/crash_dialog.py" line="48"/>
        <source>Something went wrong inside Packstation. Your packing progress is saved; you can continue working. If it happens again, send the log file to support.</source>
        <translation>В Packstation произошла внутренняя ошибка. Сделанная упаковка сохранена, можно продолжать работу. Если ошибка повторится, отправьте файл журнала в поддержку.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/crash_dialog.py" line="56"/>
        <source>(no log file: logging to the console)</source>
        <translation>(файла журнала нет: сообщения выводятся в консоль)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/crash_dialog.py" line="57"/>
        <source>Log file: %1</source>
        <translation>Файл журнала: %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/crash_dialog.py" line="63"/>
        <source>Copy details</source>
        <translation>Скопировать подробности</translation>
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
    <name>LinesModel</name>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="200"/>
        <source>Chestny Znak</source>
        <translation>Честный знак</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="201"/>
        <source>Chestny Znak (optional)</source>
        <translation>Честный знак (необязательно)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="202"/>
        <source>UIN</source>
        <translation>УИН</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="203"/>
        <source>RNPT</source>
        <translation>РНПТ</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="204"/>
        <source>GTD</source>
        <translation>ГТД</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="256"/>
        <source>{packed} of {count} packed</source>
        <translation>упаковано {packed} из {count}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="258"/>
        <source>{coded} of {count} coded</source>
        <translation>с кодом {coded} из {count}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="261"/>
        <source>{n} split</source>
        <translation>разделено: {n}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_models.py" line="273"/>
        <source>%n parcels per unit</source>
        <translation>
            <numerusform>%n место на единицу</numerusform>
            <numerusform>%n места на единицу</numerusform>
            <numerusform>%n мест на единицу</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="85"/>
        <source> (demo)</source>
        <translation> (демо)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="88"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="90"/>
        <source>Reload the orders from the Market (F5)</source>
        <translation>Загрузить заказы из Маркета заново (F5)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="92"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="95"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="98"/>
        <location filename="../../packstation/ui/main_window.py" line="100"/>
        <source>Print queue</source>
        <translation>Очередь печати</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="102"/>
        <source>Print jobs, retries and reprints of recent labels (F9)</source>
        <translation>Задания печати, повторы и перепечатка недавних ярлыков (F9)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="106"/>
        <source>Order history</source>
        <translation>История заказа</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="107"/>
        <source>Main</source>
        <translation>Главная</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="116"/>
        <source>Demo sheet (PDF)…</source>
        <translation>Демо-лист (PDF)…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="118"/>
        <source>Every demo order&apos;s barcodes and marking codes, and the command barcodes, to print</source>
        <translation>Штрихкоды и коды маркировки всех демо-заказов и командные штрихкоды — для печати</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="122"/>
        <source>Help</source>
        <translation>Справка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="126"/>
        <source>Demo mode: orders come from the built-in Market emulator and nothing reaches Yandex Market. Enter your API key in Settings to work with your store.</source>
        <translation>Демо-режим: заказы приходят из встроенного эмулятора Маркета, в Яндекс Маркет ничего не отправляется. Чтобы работать со своим магазином, введите API-ключ в «Настройках».</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../packstation/ui/message_bar.py" line="49"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>OrderHistoryView</name>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="37"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="37"/>
        <source>Station</source>
        <translation>Станция</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="37"/>
        <source>Packer</source>
        <translation>Упаковщик</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="37"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="37"/>
        <source>Detail</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="52"/>
        <source>Choose an order to see its history.</source>
        <translation>Выберите заказ, чтобы увидеть его историю.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/order_history_view.py" line="67"/>
        <source>History of order %1: %n records</source>
        <translation>
            <numerusform>История заказа %1: %n запись</numerusform>
            <numerusform>История заказа %1: %n записи</numerusform>
            <numerusform>История заказа %1: %n записей</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="69"/>
        <source>Nothing recorded for order %1 at this station.</source>
        <translation>На этой станции по заказу %1 ничего не записано.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="80"/>
        <source>Box layout sent to the Market</source>
        <translation>Раскладка по коробкам отправлена в Маркет</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="81"/>
        <source>Marked ready to ship</source>
        <translation>Заказ переведён в статус «Готов к отгрузке»</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="82"/>
        <source>Courier code checked</source>
        <translation>Код курьера проверен</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="83"/>
        <source>Order shortened</source>
        <translation>Заказ сокращён</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="84"/>
        <source>Order cancelled by the shop</source>
        <translation>Заказ отменён магазином</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="85"/>
        <source>Packing interrupted: the order changed</source>
        <translation>Сборка прервана: заказ изменился</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="86"/>
        <source>Labels printed</source>
        <translation>Ярлыки напечатаны</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="87"/>
        <source>Label printing failed</source>
        <translation>Ошибка печати ярлыков</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="88"/>
        <source>Saved action sent to the Market</source>
        <translation>Сохранённое действие отправлено в Маркет</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="89"/>
        <source>Saved action was already done on the Market</source>
        <translation>Сохранённое действие уже выполнено в Маркете</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="90"/>
        <source>Saved action skipped: no longer valid</source>
        <translation>Сохранённое действие пропущено: уже неактуально</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="91"/>
        <source>Saved action refused by the Market</source>
        <translation>Маркет отклонил сохранённое действие</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="92"/>
        <source>Saved action needs the packer</source>
        <translation>Сохранённое действие требует упаковщика</translation>
    </message>
</context>
<context>
    <name>OrderListModel</name>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="104"/>
        <source>%1 d </source>
        <translation>%1 дн </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="110"/>
        <source>To pack</source>
        <translation>Собрать</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="112"/>
        <source>Ready to ship</source>
        <translation>Готов к отгрузке</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="116"/>
        <source>Cancelled</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="118"/>
        <source>Shipped</source>
        <translation>Отгружен</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="123"/>
        <source>Courier: searching</source>
        <translation>Курьер: поиск</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="124"/>
        <source>Courier: found</source>
        <translation>Курьер: найден</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="125"/>
        <source>Courier: on the way</source>
        <translation>Курьер: в пути</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="126"/>
        <source>Courier: arrived</source>
        <translation>Курьер: прибыл</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="131"/>
        <source>⚡ Express</source>
        <translation>⚡ Экспресс</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="136"/>
        <source>Business</source>
        <translation>Юрлицо</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="138"/>
        <source>Person</source>
        <translation>Физлицо</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="144"/>
        <source>CIS (optional)</source>
        <translation>CIS (необяз.)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="379"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="380"/>
        <source>Program</source>
        <translation>Модель</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="381"/>
        <source>Deadline</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="382"/>
        <source>Items / units</source>
        <translation>Позиций / штук</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="383"/>
        <source>Marking</source>
        <translation>Маркировка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="384"/>
        <source>Buyer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="385"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="411"/>
        <source>In progress at this station: opening it restores the packing done so far</source>
        <translation>В работе на этом месте: при открытии сборка продолжится с того места, где остановились</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="444"/>
        <source>late </source>
        <translation>опоздание </translation>
    </message>
</context>
<context>
    <name>OrderListView</name>
    <message>
        <location filename="../../packstation/ui/order_list_view.py" line="54"/>
        <source>Search: order number, offer or product name</source>
        <translation>Поиск: номер заказа, SKU или название товара</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_view.py" line="58"/>
        <source>All programs</source>
        <translation>Все модели</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_view.py" line="59"/>
        <source>Express</source>
        <translation>Экспресс</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_view.py" line="63"/>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_view.py" line="64"/>
        <source>To pack</source>
        <translation>Собрать</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_view.py" line="65"/>
        <source>Packed, awaiting courier</source>
        <translation>Собран, ждёт курьера</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_view.py" line="69"/>
        <source>Program:</source>
        <translation>Модель:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_view.py" line="71"/>
        <source>Status:</source>
        <translation>Статус:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_view.py" line="109"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_view.py" line="111"/>
        <source>Order history…</source>
        <translation>История заказа…</translation>
    </message>
</context>
<context>
    <name>PackingDesk</name>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="768"/>
        <source>Order %1 is not in the list (anymore).</source>
        <translation>Заказа %1 нет в списке (уже нет).</translation>
    </message>
</context>
<context>
    <name>PackingView</name>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="213"/>
        <source>Order %1</source>
        <translation>Заказ %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="223"/>
        <source>← Orders</source>
        <translation>← Заказы</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="233"/>
        <location filename="../../packstation/ui/packing_view.py" line="238"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="240"/>
        <source>What this station recorded about the order (Ctrl+H)</source>
        <translation>Что это рабочее место записало о заказе (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="282"/>
        <source>Units per drag: all</source>
        <translation>Единиц за перетаскивание: все</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="283"/>
        <source>Units per drag: </source>
        <translation>Единиц за перетаскивание: </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="289"/>
        <source>Items</source>
        <translation>Товары</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="298"/>
        <source>Boxes</source>
        <translation>Коробки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="330"/>
        <source>New box</source>
        <translation>Новая коробка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="331"/>
        <source>Close box</source>
        <translation>Закрыть коробку</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="332"/>
        <source>Split…</source>
        <translation>Разделить…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="333"/>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="335"/>
        <source>Shorten…</source>
        <translation>Сократить…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="336"/>
        <source>Cancel order…</source>
        <translation>Отменить заказ…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="337"/>
        <source>Reprint labels</source>
        <translation>Перепечатать ярлыки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="338"/>
        <source>Check codes</source>
        <translation>Проверить коды</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="339"/>
        <source>Edit again</source>
        <translation>Вернуться к сборке</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="340"/>
        <source>Submit</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="348"/>
        <source>STOP — put the items back</source>
        <translation>СТОП — верните товары на полку</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="354"/>
        <source>Back to orders</source>
        <translation>К списку заказов</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="414"/>
        <source>⚡ Express</source>
        <translation>⚡ Экспресс</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="419"/>
        <source>Business buyer: codes mandatory</source>
        <translation>Покупатель — юрлицо: коды обязательны</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="421"/>
        <source>Private buyer</source>
        <translation>Покупатель — физлицо</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="428"/>
        <source>Submitting in %1 s — scan CANCEL to stop</source>
        <translation>Отправка через %1 с — сканируйте ОТМЕНА, чтобы остановить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="431"/>
        <source>Everything is packed: submit (Ctrl+Enter)</source>
        <translation>Всё упаковано: отправьте (Ctrl+Enter)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_view.py" line="434"/>
        <source>Packing: %1 of %n units in boxes</source>
        <translation>
            <numerusform>Сборка: в коробках %1 из %n единицы</numerusform>
            <numerusform>Сборка: в коробках %1 из %n единиц</numerusform>
            <numerusform>Сборка: в коробках %1 из %n единиц</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="436"/>
        <source>Sending the boxes to the Market and printing labels…</source>
        <translation>Отправляем коробки в Маркет и печатаем ярлыки…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="437"/>
        <source>The Market is checking the marking codes…</source>
        <translation>Маркет проверяет коды маркировки…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="438"/>
        <source>Ready to ship: hand the parcels to the courier</source>
        <translation>Готов к отгрузке: передайте посылки курьеру</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="439"/>
        <source>Done: the order is ready to ship</source>
        <translation>Готово: заказ готов к отгрузке</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="440"/>
        <source>The order is cancelled: put the items back</source>
        <translation>Заказ отменён: верните товары на полку</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="441"/>
        <source>Packing stopped: the order changed</source>
        <translation>Сборка остановлена: заказ изменился</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="450"/>
        <source>Labels are out of date: the boxes changed after printing. Remove the labels of boxes %1; submitting again prints new ones.</source>
        <translation>Ярлыки устарели: коробки изменились после печати. Снимите ярлыки коробок %1; повторная отправка напечатает новые.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="455"/>
        <source>Labels not printed:</source>
        <translation>Ярлыки не напечатаны:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="462"/>
        <source>Ship by %1</source>
        <translation>Отгрузить до %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="465"/>
        <source>Deadline in %1</source>
        <translation>До срока %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="491"/>
        <source>Customs declaration scanned: confirm its country of origin</source>
        <translation>Отсканирована таможенная декларация: подтвердите страну происхождения</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="518"/>
        <source>%1 → box %2</source>
        <translation>%1 → коробка %2</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="519"/>
        <source>code for %1, unit %2</source>
        <translation>код для «%1», единица %2</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="520"/>
        <source>command %1</source>
        <translation>команда %1</translation>
    </message>
</context>
<context>
    <name>PackingWiring</name>
    <message>
        <location filename="../../packstation/ui/packing_wiring.py" line="158"/>
        <source>The serial scanner is not connected (%1); retrying. Keyboard scanners still work.</source>
        <translation>Сканер на COM-порту не подключён (%1); пробуем снова. Сканеры в режиме клавиатуры работают.</translation>
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
        <location filename="../../packstation/ui/print_queue_panel.py" line="220"/>
        <source>Labels of order %1</source>
        <translation>Ярлыки заказа %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="221"/>
        <source>Reprint for order %1</source>
        <translation>Перепечатка для заказа %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="222"/>
        <source>Packing slips of order %1</source>
        <translation>Упаковочные листы заказа %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="228"/>
        <source>queued</source>
        <translation>в очереди</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="229"/>
        <source>printing</source>
        <translation>печатается</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="230"/>
        <source>done</source>
        <translation>готово</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="231"/>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="240"/>
        <source>Order %1</source>
        <translation>Заказ %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="244"/>
        <source>Box %1 of %2</source>
        <translation>Коробка %1 из %2</translation>
    </message>
</context>
<context>
    <name>PrinterSettingsPage</name>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="207"/>
        <source>Shipping labels</source>
        <translation>Ярлыки отправлений</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="208"/>
        <source>Documents (packing slips, command sheet)</source>
        <translation>Документы (упаковочные листы, лист команд)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="213"/>
        <source>Options</source>
        <translation>Параметры</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="215"/>
        <source>Render labels from label data (drivers that mangle PDFs)</source>
        <translation>Рисовать ярлыки по данным (для драйверов, портящих PDF)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="218"/>
        <source>Print a packing slip per box on the documents printer</source>
        <translation>Печатать упаковочный лист на каждую коробку на принтере документов</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="222"/>
        <source>&lt;data folder&gt;/labels</source>
        <translation>&lt;папка данных&gt;/labels</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="223"/>
        <source>Virtual printer folder:</source>
        <translation>Папка виртуального принтера:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="227"/>
        <source>Recent orders to keep for reprints:</source>
        <translation>Сколько последних заказов хранить для перепечатки:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="240"/>
        <source>Printing the test label…</source>
        <translation>Печать тестовой этикетки…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="246"/>
        <source>The test label failed.</source>
        <translation>Тестовая этикетка не напечаталась.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="246"/>
        <source>The test label was sent.</source>
        <translation>Тестовая этикетка отправлена на печать.</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="58"/>
        <source>Virtual printer (PDF files)</source>
        <translation>Виртуальный принтер (PDF-файлы)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="62"/>
        <source>%1 (not found)</source>
        <translation>%1 (не найден)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="65"/>
        <source>Printer:</source>
        <translation>Принтер:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="72"/>
        <source>Media:</source>
        <translation>Носитель:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="75"/>
        <source>Resolution (dpi):</source>
        <translation>Разрешение (dpi):</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="79"/>
        <source>Offset right (mm):</source>
        <translation>Сдвиг вправо (мм):</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="80"/>
        <source>Offset down (mm):</source>
        <translation>Сдвиг вниз (мм):</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="82"/>
        <source>The printer feeds labels sideways (rotate by 90°)</source>
        <translation>Принтер подаёт этикетку боком (повернуть на 90°)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="88"/>
        <source>printer default</source>
        <translation>как в принтере</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="90"/>
        <source>Used where the driver supports it (CUPS Zebra): 1 light … 30 dark</source>
        <translation>Работает, если драйвер поддерживает (CUPS Zebra): 1 светло … 30 темно</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="91"/>
        <source>Darkness:</source>
        <translation>Темнота:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="98"/>
        <source>Print test label</source>
        <translation>Напечатать тестовую этикетку</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/printer_settings_page.py" line="157"/>
        <source>The printer does not list a %1 × %2 mm size: create it in the driver&apos;s settings.</source>
        <translation>Принтер не знает размер %1 × %2 мм: создайте его в настройках драйвера.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="76"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="93"/>
        <source>Stored in the system keyring; leave empty to keep it</source>
        <translation>Хранится в системном хранилище паролей; оставьте пустым, чтобы не менять</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="95"/>
        <source>Api-Key from the seller cabinet (Settings → API)</source>
        <translation>Api-Key из кабинета продавца (Настройки → API)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="97"/>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="99"/>
        <source>Campaign ID:</source>
        <translation>ID кампании:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="100"/>
        <source>Business ID:</source>
        <translation>ID кабинета:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="101"/>
        <source>API URL:</source>
        <translation>Адрес API:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="102"/>
        <source>API key:</source>
        <translation>API-ключ:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="110"/>
        <source>Virtual printer (PDF files)</source>
        <translation>Виртуальный принтер (PDF-файлы)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="115"/>
        <location filename="../../packstation/ui/settings_dialog.py" line="163"/>
        <source>%1 (not found)</source>
        <translation>%1 (не найден)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="117"/>
        <source>Labels</source>
        <translation>Ярлыки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="119"/>
        <source>Label format:</source>
        <translation>Формат ярлыка:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="120"/>
        <source>Label printer:</source>
        <translation>Принтер ярлыков:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="130"/>
        <location filename="../../packstation/ui/settings_dialog.py" line="134"/>
        <location filename="../../packstation/ui/settings_dialog.py" line="146"/>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="136"/>
        <source>Station</source>
        <translation>Станция</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="138"/>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="139"/>
        <source>Station name:</source>
        <translation>Название станции:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="140"/>
        <source>Packer:</source>
        <translation>Упаковщик:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="141"/>
        <source>Refresh orders every:</source>
        <translation>Обновлять заказы каждые:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="142"/>
        <source>…with Express orders:</source>
        <translation>…при экспресс-заказах:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="147"/>
        <source>off</source>
        <translation>выкл.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="149"/>
        <source>Submit this many seconds after the last unit is packed (scan CANCEL to stop); 0: off</source>
        <translation>Отправлять через столько секунд после укладки последней единицы (отмена — штрихкод CANCEL); 0 — выключено</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="152"/>
        <source>Submit automatically after:</source>
        <translation>Отправлять автоматически через:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="157"/>
        <source>None (keyboard scanner)</source>
        <translation>Нет (сканер в режиме клавиатуры)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="169"/>
        <source>Without a port: use the one USB scanner found</source>
        <translation>Без порта: использовать единственный найденный USB-сканер</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="171"/>
        <source>Serial scanner (USB-COM)</source>
        <translation>Сканер на COM-порту (USB-COM)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="173"/>
        <source>Port:</source>
        <translation>Порт:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="174"/>
        <source>Baud rate:</source>
        <translation>Скорость (бод):</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="200"/>
        <source>Store and station</source>
        <translation>Магазин и станция</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="201"/>
        <source>Printing</source>
        <translation>Печать</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message numerus="yes">
        <location filename="../../packstation/app.py" line="416"/>
        <source>…and %n more</source>
        <translation>
            <numerusform>…и ещё %n</numerusform>
            <numerusform>…и ещё %n</numerusform>
            <numerusform>…и ещё %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/app.py" line="420"/>
        <source>Changes from an earlier session reached the Market: %n</source>
        <translation>
            <numerusform>Изменения из прошлого сеанса переданы в Маркет: %n</numerusform>
            <numerusform>Изменения из прошлого сеанса переданы в Маркет: %n</numerusform>
            <numerusform>Изменения из прошлого сеанса переданы в Маркет: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/app.py" line="445"/>
        <source>Reprinting label %1-%2</source>
        <translation>Перепечатываем ярлык %1-%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/app.py" line="474"/>
        <source>New orders: %n</source>
        <translation>
            <numerusform>Новый заказ: %n</numerusform>
            <numerusform>Новых заказа: %n</numerusform>
            <numerusform>Новых заказов: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/app.py" line="524"/>
        <source>Settings saved. Restart Packstation to apply the new store or language.</source>
        <translation>Настройки сохранены. Перезапустите Packstation, чтобы применить новый магазин или язык.</translation>
    </message>
    <message>
        <location filename="../../packstation/app.py" line="527"/>
        <source>Settings saved.</source>
        <translation>Настройки сохранены.</translation>
    </message>
</context>
<context>
    <name>ShortenDialog</name>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="63"/>
        <source>Shorten order %1</source>
        <translation>Сокращение заказа %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="72"/>
        <source>of %1</source>
        <translation>из %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="77"/>
        <source>Set how many units of each item stay in the order (0 removes the item).</source>
        <translation>Укажите, сколько единиц каждого товара остаётся в заказе (0 — убрать товар).</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="83"/>
        <source>I understand: removed items cannot be added back</source>
        <translation>Понимаю: убранные товары вернуть нельзя</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="86"/>
        <source>Shorten</source>
        <translation>Сократить</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_dialogs.py" line="111"/>
        <source>The Market will accept this: %n unit(s) removed.</source>
        <translation>
            <numerusform>Маркет это примет: будет убрана %n единица.</numerusform>
            <numerusform>Маркет это примет: будут убраны %n единицы.</numerusform>
            <numerusform>Маркет это примет: будут убраны %n единиц.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="152"/>
        <source>Split into part boxes</source>
        <translation>Разделить на части</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="160"/>
        <source>Boxes per unit</source>
        <translation>Коробок на единицу</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="161"/>
        <source>Units to split</source>
        <translation>Сколько единиц разделить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="162"/>
        <source>Each unit&apos;s marking codes go into every one of its part boxes.</source>
        <translation>Коды маркировки единицы попадут в каждую из её коробок.</translation>
    </message>
</context>
</TS>
