<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AppStatusBar</name>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="67"/>
        <source>Scan your badge, or pick your name here, to sign in</source>
        <translation>Отсканируйте бейдж или выберите своё имя здесь, чтобы войти</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="77"/>
        <source>Packer: %1</source>
        <translation>Упаковщик: %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="77"/>
        <source>Packer: not signed in</source>
        <translation>Упаковщик: не вошёл</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/status_bar.py" line="82"/>
        <source>Orders: %n</source>
        <translation>
            <numerusform>Заказов: %n</numerusform>
            <numerusform>Заказов: %n</numerusform>
            <numerusform>Заказов: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="84"/>
        <source>Orders: %1 of %2</source>
        <translation>Заказов: %1 из %2</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="88"/>
        <source>Updated at %1</source>
        <translation>Обновлено в %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="94"/>
        <source>List of %1 — updating…</source>
        <translation>Список от %1 — обновляется…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="96"/>
        <source>The orders this station listed last time, shown until the Market answers</source>
        <translation>Заказы, которые это место показывало в прошлый раз, — до ответа Маркета</translation>
    </message>
</context>
<context>
    <name>BoxesModel</name>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="461"/>
        <source>Box {n}: part {current} of {total}</source>
        <translation>Коробка {n}: часть {current} из {total}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="466"/>
        <source>Box {n}: empty</source>
        <translation>Коробка {n}: пустая</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="468"/>
        <source>Box {n}: whole goods, {units} pcs</source>
        <translation>Коробка {n}: целые товары, {units} шт.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="470"/>
        <source>(closed)</source>
        <translation>(закрыта)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="472"/>
        <source>← scans go here</source>
        <translation>← сканы сюда</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="479"/>
        <source>checked</source>
        <translation>проверен</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="480"/>
        <source>being checked</source>
        <translation>проверяется</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="481"/>
        <source>not checked</source>
        <translation>не проверяется</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="482"/>
        <source>refused: scan another</source>
        <translation>отклонён: отсканируйте другой</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="483"/>
        <source>sale forbidden: scan another</source>
        <translation>продажа запрещена: отсканируйте другой</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="484"/>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="536"/>
        <source>+ Drop here for a new box</source>
        <translation>+ Перетащите сюда — новая коробка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="543"/>
        <source>{name} (part {current} of {total})</source>
        <translation>{name} (часть {current} из {total})</translation>
    </message>
</context>
<context>
    <name>CancelOrderDialog</name>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="125"/>
        <source>Cancel order %1</source>
        <translation>Отмена заказа %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="128"/>
        <source>The order will be cancelled on the Market because the shop cannot fulfil it (SHOP_FAILED). The buyer is notified; this cannot be undone and counts against the store&apos;s rating. Put the items back on the shelf.</source>
        <translation>Заказ будет отменён в Маркете, потому что магазин не может его выполнить (SHOP_FAILED). Покупатель получит уведомление; отменить это нельзя, и это влияет на рейтинг магазина. Верните товары на полку.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="135"/>
        <source>Yes, cancel this order</source>
        <translation>Да, отменить этот заказ</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="138"/>
        <source>Cancel order</source>
        <translation>Отменить заказ</translation>
    </message>
</context>
<context>
    <name>ClaimGate</name>
    <message>
        <location filename="../../packstation/ui/fleet_gate.py" line="30"/>
        <source>packing at desk %1 (%2), since %3</source>
        <translation>собирается на столе %1 (%2), с %3</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/fleet_gate.py" line="36"/>
        <source>packing at desk %1, since %2</source>
        <translation>собирается на столе %1, с %2</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/fleet_gate.py" line="92"/>
        <source>Order is packed at another desk</source>
        <translation>Заказ собирают на другом столе</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/fleet_gate.py" line="93"/>
        <location filename="../../packstation/ui/fleet_gate.py" line="125"/>
        <source>Order %1 is %2.</source>
        <translation>Заказ %1 %2.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/fleet_gate.py" line="100"/>
        <source>Take it over only if that desk is down: its claim moves to this desk and it is recorded.</source>
        <translation>Забирайте заказ, только если тот стол не работает: заказ перейдёт на этот стол, и это будет записано в историю.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/fleet_gate.py" line="105"/>
        <source>Take over</source>
        <translation>Забрать заказ</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/fleet_gate.py" line="153"/>
        <source>Warehouse database offline: codes are checked at this desk only.</source>
        <translation>База склада недоступна: коды проверяются только на этом столе.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/fleet_gate.py" line="159"/>
        <source>Warehouse database is back. Taken by other desks meanwhile:</source>
        <translation>База склада снова доступна. За это время другие столы заняли:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/fleet_gate.py" line="165"/>
        <source>Warehouse database is back: claims and codes are shared again.</source>
        <translation>База склада снова доступна: заказы и коды снова общие для всех столов.</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="30"/>
        <source>Demo</source>
        <translation>Демо</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="31"/>
        <source>Online</source>
        <translation>В сети</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="32"/>
        <source>Offline</source>
        <translation>Нет связи</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/status_bar.py" line="33"/>
        <source>Rate-limited</source>
        <translation>Лимит запросов</translation>
    </message>
</context>
<context>
    <name>CountryDialog</name>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="189"/>
        <source>Country of origin</source>
        <translation>Страна происхождения</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="198"/>
        <source>Customs declaration</source>
        <translation>Таможенная декларация (ГТД)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="199"/>
        <source>Country code (two letters)</source>
        <translation>Код страны (две буквы)</translation>
    </message>
</context>
<context>
    <name>CourierCodePanel</name>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="232"/>
        <source>Hand the order to the courier</source>
        <translation>Передача заказа курьеру</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="234"/>
        <source>Ask the courier for the code in their app and type or scan it.</source>
        <translation>Спросите у курьера код из его приложения и введите или отсканируйте его.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="238"/>
        <source>Courier code</source>
        <translation>Код курьера</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="241"/>
        <source>Check code</source>
        <translation>Проверить код</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="262"/>
        <source>Enter the courier&apos;s code.</source>
        <translation>Введите код курьера.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="273"/>
        <source>Code accepted: give the parcels to the courier.</source>
        <translation>Код принят: отдайте посылки курьеру.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="276"/>
        <source>No attempts left. The Market sends the courier a new code: ask them to refresh it in their app.</source>
        <translation>Попытки закончились. Маркет выдаст курьеру новый код: попросите обновить его в приложении.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="283"/>
        <source>Wrong code.</source>
        <translation>Неверный код.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="285"/>
        <source>Attempts left: %1</source>
        <translation>Осталось попыток: %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="289"/>
        <source>The Market gave no clear answer: try again.</source>
        <translation>Маркет не дал ясного ответа: попробуйте ещё раз.</translation>
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
    <name>LaasOrdersPanel</name>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="73"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="74"/>
        <source>Number</source>
        <translation>Наш номер</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="75"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="76"/>
        <source>Delivery interval</source>
        <translation>Интервал доставки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="77"/>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="127"/>
        <source>Recipient</source>
        <translation>Получатель</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="78"/>
        <source>Pickup code</source>
        <translation>Код получения</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="79"/>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="193"/>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="94"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="98"/>
        <source>Confirm draft</source>
        <translation>Подтвердить черновик</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="100"/>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="292"/>
        <source>Cancel order</source>
        <translation>Отменить заказ</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="109"/>
        <source>Move delivery</source>
        <translation>Перенести доставку</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="111"/>
        <source>Courier delivery interval</source>
        <translation>Интервал курьерской доставки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="116"/>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="118"/>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="121"/>
        <source>Change recipient</source>
        <translation>Сменить получателя</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="144"/>
        <source>Changes sent to the Market</source>
        <translation>Изменения, отправленные в Маркет</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="194"/>
        <source>Processing</source>
        <translation>В обработке</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="195"/>
        <source>In delivery</source>
        <translation>В доставке</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="196"/>
        <source>At the pickup point</source>
        <translation>В пункте выдачи</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="197"/>
        <source>Delivered</source>
        <translation>Доставлен</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="198"/>
        <source>Cancelled</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="199"/>
        <source>Returned</source>
        <translation>Возвращён</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="200"/>
        <source>Partly returned</source>
        <translation>Частично возвращён</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="232"/>
        <source>confirm within %1</source>
        <translation>подтвердите за %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="238"/>
        <source>The Market will cancel draft %1 in %2 unless it is confirmed.</source>
        <translation>Маркет отменит черновик %1 через %2, если его не подтвердить.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="277"/>
        <source>no other intervals</source>
        <translation>других интервалов нет</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="293"/>
        <source>Cancel order %1? The Market cancels it with the reason SHOP_FAILED.</source>
        <translation>Отменить заказ %1? Маркет отменит его с причиной SHOP_FAILED (магазин не может выполнить заказ).</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="301"/>
        <source>confirm draft</source>
        <translation>подтверждение черновика</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="304"/>
        <source>cancel</source>
        <translation>отмена</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="313"/>
        <source>move to %1</source>
        <translation>перенос на %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="320"/>
        <source>recipient %1</source>
        <translation>получатель %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="355"/>
        <source>in progress, next check in %1 s</source>
        <translation>выполняется, следующая проверка через %1 с</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="357"/>
        <source>done</source>
        <translation>выполнено</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/laas_orders_panel.py" line="359"/>
        <source>FAILED: %1</source>
        <translation>НЕ ВЫПОЛНЕНО: %1</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="202"/>
        <source>Chestny Znak</source>
        <translation>Честный знак</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="203"/>
        <source>Chestny Znak (optional)</source>
        <translation>Честный знак (необязательно)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="204"/>
        <source>UIN</source>
        <translation>УИН</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="205"/>
        <source>RNPT</source>
        <translation>РНПТ</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="206"/>
        <source>GTD</source>
        <translation>ГТД</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="258"/>
        <source>{packed} of {count} packed</source>
        <translation>упаковано {packed} из {count}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="260"/>
        <source>{coded} of {count} coded</source>
        <translation>с кодом {coded} из {count}</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_models.py" line="263"/>
        <source>{n} split</source>
        <translation>разделено: {n}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_models.py" line="275"/>
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
        <location filename="../../packstation/ui/main_window.py" line="90"/>
        <source> (demo)</source>
        <translation> (демо)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="93"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="95"/>
        <source>Reload the orders from the Market (F5)</source>
        <translation>Загрузить заказы из Маркета заново (F5)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="97"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="100"/>
        <source>Shipments</source>
        <translation>Отгрузки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="102"/>
        <source>FBS shipments: confirm, acts, pick lists (Ctrl+J)</source>
        <translation>Отгрузки FBS: подтверждение, акты, листы сборки (Ctrl+J)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="105"/>
        <source>Shift</source>
        <translation>Смена</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="107"/>
        <source>Who packed what: per packer and desk (Ctrl+K)</source>
        <translation>Кто что собрал: по упаковщикам и столам (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="109"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="113"/>
        <source>Office</source>
        <translation>Офис</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="116"/>
        <source>LaaS delivery orders and order statistics (Ctrl+Shift+O)</source>
        <translation>Заказы на доставку LaaS и статистика заказов (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="119"/>
        <location filename="../../packstation/ui/main_window.py" line="121"/>
        <source>Print queue</source>
        <translation>Очередь печати</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="123"/>
        <source>Print jobs, retries and reprints of recent labels (F9)</source>
        <translation>Задания печати, повторы и перепечатка недавних ярлыков (F9)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="127"/>
        <source>Order history</source>
        <translation>История заказа</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="128"/>
        <source>Main</source>
        <translation>Главная</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="145"/>
        <source>Demo sheet (PDF)…</source>
        <translation>Демо-лист (PDF)…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="147"/>
        <source>Every demo order&apos;s barcodes and marking codes, and the command barcodes, to print</source>
        <translation>Штрихкоды и коды маркировки всех демо-заказов и командные штрихкоды — для печати</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="151"/>
        <source>Help</source>
        <translation>Справка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/main_window.py" line="155"/>
        <source>Demo mode: orders come from the built-in Market emulator and nothing reaches Yandex Market. Enter your API key in Settings to work with your store.</source>
        <translation>Демо-режим: заказы приходят из встроенного эмулятора Маркета, в Яндекс Маркет ничего не отправляется. Чтобы работать со своим магазином, введите API-ключ в «Настройках».</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../packstation/ui/message_bar.py" line="55"/>
        <source>Close</source>
        <translation>Закрыть</translation>
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
        <location filename="../../packstation/ui/office_window.py" line="55"/>
        <source>Office — %1</source>
        <translation>Офис — %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/office_window.py" line="64"/>
        <source>New delivery order</source>
        <translation>Новый заказ на доставку</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/office_window.py" line="65"/>
        <source>LaaS orders</source>
        <translation>Заказы LaaS</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/office_window.py" line="66"/>
        <source>Statistics</source>
        <translation>Статистика</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/office_window.py" line="79"/>
        <source>warehouse %1</source>
        <translation>склад %1</translation>
    </message>
</context>
<context>
    <name>OrderHistoryView</name>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="56"/>
        <source>Export video…</source>
        <translation>Выгрузить видео…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="58"/>
        <source>Save this order&apos;s packing video as one MP4 file</source>
        <translation>Сохранить видео упаковки заказа одним файлом MP4</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="71"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="72"/>
        <source>Station</source>
        <translation>Станция</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="72"/>
        <source>Desk</source>
        <translation>Стол</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="73"/>
        <source>Packer</source>
        <translation>Упаковщик</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="74"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="75"/>
        <source>Detail</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="94"/>
        <source>Choose an order to see its history.</source>
        <translation>Выберите заказ, чтобы увидеть его историю.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/order_history_view.py" line="112"/>
        <source>History of order %1 at all desks: %n records</source>
        <translation>
            <numerusform>История заказа %1 на всех столах: %n запись</numerusform>
            <numerusform>История заказа %1 на всех столах: %n записи</numerusform>
            <numerusform>История заказа %1 на всех столах: %n записей</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="114"/>
        <source>Nothing recorded for order %1 at any desk.</source>
        <translation>Ни на одном столе по заказу %1 ничего не записано.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/order_history_view.py" line="116"/>
        <source>History of order %1: %n records</source>
        <translation>
            <numerusform>История заказа %1: %n запись</numerusform>
            <numerusform>История заказа %1: %n записи</numerusform>
            <numerusform>История заказа %1: %n записей</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="118"/>
        <source>Nothing recorded for order %1 at this station.</source>
        <translation>На этой станции по заказу %1 ничего не записано.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="120"/>
        <source>The warehouse database is offline: only this desk&apos;s records are shown.</source>
        <translation>База склада недоступна: показаны записи только этого стола.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="131"/>
        <source>Box layout sent to the Market</source>
        <translation>Раскладка по коробкам отправлена в Маркет</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="132"/>
        <source>Marked ready to ship</source>
        <translation>Заказ переведён в статус «Готов к отгрузке»</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="133"/>
        <source>Courier code checked</source>
        <translation>Код курьера проверен</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="134"/>
        <source>Order shortened</source>
        <translation>Заказ сокращён</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="135"/>
        <source>Order cancelled by the shop</source>
        <translation>Заказ отменён магазином</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="136"/>
        <source>Packing interrupted: the order changed</source>
        <translation>Сборка прервана: заказ изменился</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="137"/>
        <source>Labels printed</source>
        <translation>Ярлыки напечатаны</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="138"/>
        <source>Label printing failed</source>
        <translation>Ошибка печати ярлыков</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="139"/>
        <source>Damaged journal line set aside</source>
        <translation>Повреждённая строка журнала отложена</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="140"/>
        <source>Saved action sent to the Market</source>
        <translation>Сохранённое действие отправлено в Маркет</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="141"/>
        <source>Saved action was already done on the Market</source>
        <translation>Сохранённое действие уже выполнено в Маркете</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="142"/>
        <source>Saved action skipped: no longer valid</source>
        <translation>Сохранённое действие пропущено: уже неактуально</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="143"/>
        <source>Saved action refused by the Market</source>
        <translation>Маркет отклонил сохранённое действие</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="144"/>
        <source>Saved action needs the packer</source>
        <translation>Сохранённое действие требует упаковщика</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="145"/>
        <source>Box weighed</source>
        <translation>Коробка взвешена</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="146"/>
        <source>Submit stopped: box weight</source>
        <translation>Отправка остановлена: вес коробки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="147"/>
        <source>Box weight accepted by the packer</source>
        <translation>Вес коробки принят упаковщиком</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="148"/>
        <source>Packing video recorded</source>
        <translation>Записано видео упаковки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="149"/>
        <source>Packing started</source>
        <translation>Начата упаковка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="150"/>
        <source>Scan refused</source>
        <translation>Скан отклонён</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="151"/>
        <source>Shipment confirmed</source>
        <translation>Отгрузка подтверждена</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="152"/>
        <source>Shipment pallets set</source>
        <translation>Задано число палет</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="153"/>
        <source>Document printed</source>
        <translation>Документ напечатан</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="154"/>
        <source>Packer signed in</source>
        <translation>Упаковщик вошёл</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="155"/>
        <source>Packer signed out</source>
        <translation>Упаковщик вышел</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="163"/>
        <source>Export video</source>
        <translation>Выгрузка видео</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="163"/>
        <source>MP4 video (*.mp4)</source>
        <translation>Видео MP4 (*.mp4)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="178"/>
        <source>The video was not exported: %1</source>
        <translation>Видео не выгружено: %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_history_view.py" line="180"/>
        <source>Video of order %1 saved: %2</source>
        <translation>Видео заказа %1 сохранено: %2</translation>
    </message>
</context>
<context>
    <name>OrderListModel</name>
    <message>
        <location filename="../../packstation/ui/format.py" line="42"/>
        <source>%1 d </source>
        <translation>%1 дн </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="111"/>
        <source>To pack</source>
        <translation>Собрать</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="113"/>
        <source>Ready to ship</source>
        <translation>Готов к отгрузке</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="117"/>
        <source>Cancelled</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="119"/>
        <source>Shipped</source>
        <translation>Отгружен</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="124"/>
        <source>Courier: searching</source>
        <translation>Курьер: поиск</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="125"/>
        <source>Courier: found</source>
        <translation>Курьер: найден</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="126"/>
        <source>Courier: on the way</source>
        <translation>Курьер: в пути</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="127"/>
        <source>Courier: arrived</source>
        <translation>Курьер: прибыл</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="132"/>
        <source>⚡ Express</source>
        <translation>⚡ Экспресс</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="137"/>
        <source>Business</source>
        <translation>Юрлицо</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="139"/>
        <source>Person</source>
        <translation>Физлицо</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="145"/>
        <source>CIS (optional)</source>
        <translation>CIS (необяз.)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="539"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="540"/>
        <source>Program</source>
        <translation>Модель</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="541"/>
        <source>Deadline</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="542"/>
        <source>Items / units</source>
        <translation>Позиций / штук</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="543"/>
        <source>Marking</source>
        <translation>Маркировка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="544"/>
        <source>Buyer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="545"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="573"/>
        <source>In progress at this station: opening it restores the packing done so far</source>
        <translation>В работе на этом месте: при открытии сборка продолжится с того места, где остановились</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/order_list_model.py" line="608"/>
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
    <name>PackerWiring</name>
    <message>
        <location filename="../../packstation/app/packer_wiring.py" line="71"/>
        <source>Sign out</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <location filename="../../packstation/app/packer_wiring.py" line="89"/>
        <source>Sign in first: scan your badge or pick your name in the status bar.</source>
        <translation>Сначала войдите: отсканируйте бейдж или выберите имя в строке состояния.</translation>
    </message>
    <message>
        <location filename="../../packstation/app/packer_wiring.py" line="135"/>
        <source>Unknown badge %1: add the packer in Settings.</source>
        <translation>Неизвестный бейдж %1: добавьте упаковщика в Настройках.</translation>
    </message>
    <message>
        <location filename="../../packstation/app/packer_wiring.py" line="144"/>
        <source>Signed in: %1</source>
        <translation>Вошёл: %1</translation>
    </message>
    <message>
        <location filename="../../packstation/app/packer_wiring.py" line="148"/>
        <source>Signed out: %1</source>
        <translation>Вышел: %1</translation>
    </message>
</context>
<context>
    <name>PackingDesk</name>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="787"/>
        <source>Order %1 is not in the list (anymore).</source>
        <translation>Заказа %1 нет в списке (уже нет).</translation>
    </message>
</context>
<context>
    <name>PackingView</name>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="215"/>
        <source>Order %1</source>
        <translation>Заказ %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="225"/>
        <source>← Orders</source>
        <translation>← Заказы</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="235"/>
        <location filename="../../packstation/ui/packing_view.py" line="240"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="242"/>
        <source>What this station recorded about the order (Ctrl+H)</source>
        <translation>Что это рабочее место записало о заказе (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="285"/>
        <source>Units per drag: all</source>
        <translation>Единиц за перетаскивание: все</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="286"/>
        <source>Units per drag: </source>
        <translation>Единиц за перетаскивание: </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="292"/>
        <source>Items</source>
        <translation>Товары</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="301"/>
        <source>Boxes</source>
        <translation>Коробки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="333"/>
        <source>New box</source>
        <translation>Новая коробка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="334"/>
        <source>Close box</source>
        <translation>Закрыть коробку</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="335"/>
        <source>Split…</source>
        <translation>Разделить…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="336"/>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="338"/>
        <source>Shorten…</source>
        <translation>Сократить…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="339"/>
        <source>Cancel order…</source>
        <translation>Отменить заказ…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="340"/>
        <source>Reprint labels</source>
        <translation>Перепечатать ярлыки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="341"/>
        <source>Check codes</source>
        <translation>Проверить коды</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="342"/>
        <source>Edit again</source>
        <translation>Вернуться к сборке</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="343"/>
        <source>Submit</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="351"/>
        <source>STOP — put the items back</source>
        <translation>СТОП — верните товары на полку</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="357"/>
        <source>Back to orders</source>
        <translation>К списку заказов</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="417"/>
        <source>⚡ Express</source>
        <translation>⚡ Экспресс</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="422"/>
        <source>Business buyer: codes mandatory</source>
        <translation>Покупатель — юрлицо: коды обязательны</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="424"/>
        <source>Private buyer</source>
        <translation>Покупатель — физлицо</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="431"/>
        <source>Submitting in %1 s — scan CANCEL to stop</source>
        <translation>Отправка через %1 с — сканируйте ОТМЕНА, чтобы остановить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="434"/>
        <source>Everything is packed: submit (Ctrl+Enter)</source>
        <translation>Всё упаковано: отправьте (Ctrl+Enter)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_view.py" line="437"/>
        <source>Packing: %1 of %n units in boxes</source>
        <translation>
            <numerusform>Сборка: в коробках %1 из %n единицы</numerusform>
            <numerusform>Сборка: в коробках %1 из %n единиц</numerusform>
            <numerusform>Сборка: в коробках %1 из %n единиц</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="439"/>
        <source>Sending the boxes to the Market and printing labels…</source>
        <translation>Отправляем коробки в Маркет и печатаем ярлыки…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="440"/>
        <source>The Market is checking the marking codes…</source>
        <translation>Маркет проверяет коды маркировки…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="441"/>
        <source>Ready to ship: hand the parcels to the courier</source>
        <translation>Готов к отгрузке: передайте посылки курьеру</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="442"/>
        <source>Done: the order is ready to ship</source>
        <translation>Готово: заказ готов к отгрузке</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="443"/>
        <source>The order is cancelled: put the items back</source>
        <translation>Заказ отменён: верните товары на полку</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="444"/>
        <source>Packing stopped: the order changed</source>
        <translation>Сборка остановлена: заказ изменился</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="453"/>
        <source>Labels are out of date: the boxes changed after printing. Remove the labels of boxes %1; submitting again prints new ones.</source>
        <translation>Ярлыки устарели: коробки изменились после печати. Снимите ярлыки коробок %1; повторная отправка напечатает новые.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="458"/>
        <source>Labels not printed:</source>
        <translation>Ярлыки не напечатаны:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="465"/>
        <source>Ship by %1</source>
        <translation>Отгрузить до %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="468"/>
        <source>Deadline in %1</source>
        <translation>До срока %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="492"/>
        <source>Customs declaration scanned: confirm its country of origin</source>
        <translation>Отсканирована таможенная декларация: подтвердите страну происхождения</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="519"/>
        <source>%1 → box %2</source>
        <translation>%1 → коробка %2</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="520"/>
        <source>code for %1, unit %2</source>
        <translation>код для «%1», единица %2</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_view.py" line="521"/>
        <source>command %1</source>
        <translation>команда %1</translation>
    </message>
</context>
<context>
    <name>PackingWiring</name>
    <message>
        <location filename="../../packstation/app/packing.py" line="148"/>
        <source>The serial scanner is not connected (%1); retrying. Keyboard scanners still work.</source>
        <translation>Сканер на COM-порту не подключён (%1); пробуем снова. Сканеры в режиме клавиатуры работают.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/app/packing.py" line="201"/>
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
        <location filename="../../packstation/ui/print_queue_panel.py" line="100"/>
        <source>Preview</source>
        <translation>Просмотр</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="95"/>
        <source>Job</source>
        <translation>Задание</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="95"/>
        <source>Boxes</source>
        <translation>Коробки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="95"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="95"/>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="98"/>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="103"/>
        <source>Recent labels</source>
        <translation>Последние ярлыки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="108"/>
        <source>Order / box</source>
        <translation>Заказ / коробка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="108"/>
        <source>Printed</source>
        <translation>Напечатан</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="109"/>
        <source>Reprint</source>
        <translation>Перепечатать</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="119"/>
        <source>Print queue</source>
        <translation>Очередь печати</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="222"/>
        <source>Labels of order %1</source>
        <translation>Ярлыки заказа %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="223"/>
        <source>Reprint for order %1</source>
        <translation>Перепечатка для заказа %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="224"/>
        <source>Packing slips of order %1</source>
        <translation>Упаковочные листы заказа %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="230"/>
        <source>queued</source>
        <translation>в очереди</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="231"/>
        <source>printing</source>
        <translation>печатается</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="232"/>
        <source>done</source>
        <translation>готово</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="233"/>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="242"/>
        <source>Order %1</source>
        <translation>Заказ %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/print_queue_panel.py" line="246"/>
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
    <name>RecordingBadge</name>
    <message>
        <location filename="../../packstation/ui/video_wiring.py" line="50"/>
        <source>● Recording video</source>
        <translation>● Идёт запись видео</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/video_wiring.py" line="53"/>
        <source>No video</source>
        <translation>Видео не пишется</translation>
    </message>
</context>
<context>
    <name>ScaleDesk</name>
    <message>
        <location filename="../../packstation/ui/scale_panel.py" line="244"/>
        <source>The scale is not connected (%1); retrying.</source>
        <translation>Весы не подключены (%1); пробуем снова.</translation>
    </message>
</context>
<context>
    <name>ScalePanel</name>
    <message>
        <location filename="../../packstation/ui/scale_panel.py" line="50"/>
        <source>Accept the weights</source>
        <translation>Принять вес</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/scale_panel.py" line="53"/>
        <source>Submit although a box weighs outside its tolerance (recorded)</source>
        <translation>Отправить, хотя вес коробки вне допуска (это записывается)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/scale_panel.py" line="83"/>
        <source>Scale: not connected</source>
        <translation>Весы: не подключены</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/scale_panel.py" line="86"/>
        <source>Scale: waiting</source>
        <translation>Весы: ждём вес</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/scale_panel.py" line="89"/>
        <source>Scale: overload</source>
        <translation>Весы: перегрузка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/scale_panel.py" line="94"/>
        <source>Scale: %1 kg</source>
        <translation>Весы: %1 кг</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/scale_panel.py" line="94"/>
        <source>Scale: %1 kg ~</source>
        <translation>Весы: %1 кг ~</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/scale_panel.py" line="106"/>
        <source>no catalogue weight</source>
        <translation>вес в каталоге не указан</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/scale_panel.py" line="112"/>
        <source>Box %1: put it on the scale (expected %2)</source>
        <translation>Коробка %1: поставьте на весы (ожидается %2)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/scale_panel.py" line="120"/>
        <source>Box %1: %2 kg %3 (expected %4)</source>
        <translation>Коробка %1: %2 кг %3 (ожидается %4)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/scale_panel.py" line="128"/>
        <source> — accepted by the packer</source>
        <translation> — вес принят упаковщиком</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="90"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="107"/>
        <source>Stored in the system keyring; leave empty to keep it</source>
        <translation>Хранится в системном хранилище паролей; оставьте пустым, чтобы не менять</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="109"/>
        <source>Api-Key from the seller cabinet (Settings → API)</source>
        <translation>Api-Key из кабинета продавца (Настройки → API)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="111"/>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="113"/>
        <source>Campaign ID:</source>
        <translation>ID кампании:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="114"/>
        <source>Business ID:</source>
        <translation>ID кабинета:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="115"/>
        <source>API URL:</source>
        <translation>Адрес API:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="116"/>
        <source>API key:</source>
        <translation>API-ключ:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="124"/>
        <source>Virtual printer (PDF files)</source>
        <translation>Виртуальный принтер (PDF-файлы)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="129"/>
        <location filename="../../packstation/ui/settings_dialog.py" line="186"/>
        <source>%1 (not found)</source>
        <translation>%1 (не найден)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="131"/>
        <source>Labels</source>
        <translation>Ярлыки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="133"/>
        <source>Label format:</source>
        <translation>Формат ярлыка:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="134"/>
        <source>Label printer:</source>
        <translation>Принтер ярлыков:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="144"/>
        <location filename="../../packstation/ui/settings_dialog.py" line="148"/>
        <location filename="../../packstation/ui/settings_dialog.py" line="160"/>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="150"/>
        <source>Station</source>
        <translation>Станция</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="152"/>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="153"/>
        <source>Station name:</source>
        <translation>Название станции:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="154"/>
        <source>Packer:</source>
        <translation>Упаковщик:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="155"/>
        <source>Refresh orders every:</source>
        <translation>Обновлять заказы каждые:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="156"/>
        <source>…with Express orders:</source>
        <translation>…при экспресс-заказах:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="161"/>
        <source>off</source>
        <translation>выкл.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="163"/>
        <source>Submit this many seconds after the last unit is packed (scan CANCEL to stop); 0: off</source>
        <translation>Отправлять через столько секунд после укладки последней единицы (отмена — штрихкод CANCEL); 0 — выключено</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="166"/>
        <source>Submit automatically after:</source>
        <translation>Отправлять автоматически через:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="170"/>
        <source>postgresql://user@server/warehouse (empty: this desk alone)</source>
        <translation>postgresql://пользователь@сервер/склад (пусто: стол работает один)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="173"/>
        <source>station name or host name</source>
        <translation>имя станции или компьютера</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="174"/>
        <source>Warehouse database:</source>
        <translation>База склада:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="175"/>
        <source>Desk name:</source>
        <translation>Имя стола:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="180"/>
        <source>None (keyboard scanner)</source>
        <translation>Нет (сканер в режиме клавиатуры)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="192"/>
        <source>Without a port: use the one USB scanner found</source>
        <translation>Без порта: использовать единственный найденный USB-сканер</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="194"/>
        <source>Serial scanner (USB-COM)</source>
        <translation>Сканер на COM-порту (USB-COM)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="196"/>
        <location filename="../../packstation/ui/settings_dialog.py" line="274"/>
        <source>Port:</source>
        <translation>Порт:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="197"/>
        <location filename="../../packstation/ui/settings_dialog.py" line="275"/>
        <source>Baud rate:</source>
        <translation>Скорость (бод):</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="232"/>
        <source>Store and station</source>
        <translation>Магазин и станция</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="233"/>
        <source>Devices</source>
        <translation>Устройства</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="234"/>
        <source>Printing</source>
        <translation>Печать</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="235"/>
        <source>Packers</source>
        <translation>Упаковщики</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="246"/>
        <source>No scale</source>
        <translation>Без весов</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="247"/>
        <source>Serial, continuous output (CAS, Mercury, A&amp;D…)</source>
        <translation>COM-порт, непрерывная передача (CAS, Меркурий, A&amp;D…)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="248"/>
        <source>Serial, Massa-K Protocol 100</source>
        <translation>COM-порт, Масса-К «Протокол 100»</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="249"/>
        <source>USB HID postal scale</source>
        <translation>USB HID (почтовые весы)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="261"/>
        <source>Serial port, or /dev/hidrawN for a HID scale (empty: the first one found)</source>
        <translation>COM-порт или /dev/hidrawN для HID-весов (пусто: первые найденные)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="269"/>
        <source>Every box must be weighed before its label prints</source>
        <translation>Каждую коробку взвешивать до печати ярлыка</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="271"/>
        <source>Scale</source>
        <translation>Весы</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="273"/>
        <source>Scale:</source>
        <translation>Весы:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="276"/>
        <source>Packaging allowance:</source>
        <translation>Вес упаковки:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="277"/>
        <source>Tolerance:</source>
        <translation>Допуск:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="287"/>
        <source>No camera</source>
        <translation>Без камеры</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="288"/>
        <source>Generated test pattern (demo)</source>
        <translation>Тестовая картинка (демо)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="289"/>
        <source>Default camera</source>
        <translation>Камера по умолчанию</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="298"/>
        <source>A camera&apos;s name as the system lists it, or an IP camera&apos;s rtsp:// address</source>
        <translation>Название камеры, как его показывает система, или адрес IP-камеры rtsp://…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="302"/>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="307"/>
        <source> GB</source>
        <translation> ГБ</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="309"/>
        <source>Camera (packing video)</source>
        <translation>Камера (видео упаковки)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="311"/>
        <source>Camera:</source>
        <translation>Камера:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="312"/>
        <source>Keep video for:</source>
        <translation>Хранить видео:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="313"/>
        <source>Disk budget:</source>
        <translation>Место на диске:</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="366"/>
        <source>Keep the warehouse database password out of its address: put it in ~/.pgpass.</source>
        <translation>Не указывайте пароль базы склада в адресе: сохраните его в ~/.pgpass.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/settings_dialog.py" line="388"/>
        <source> kg</source>
        <translation> кг</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../packstation/app/shell.py" line="262"/>
        <source>Packstation is already open here: the second start was refused.</source>
        <translation>Packstation уже открыт здесь: повторный запуск отменён.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/app/shell.py" line="413"/>
        <source>…and %n more</source>
        <translation>
            <numerusform>…и ещё %n</numerusform>
            <numerusform>…и ещё %n</numerusform>
            <numerusform>…и ещё %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/app/shell.py" line="417"/>
        <source>Changes from an earlier session reached the Market: %n</source>
        <translation>
            <numerusform>Изменения из прошлого сеанса переданы в Маркет: %n</numerusform>
            <numerusform>Изменения из прошлого сеанса переданы в Маркет: %n</numerusform>
            <numerusform>Изменения из прошлого сеанса переданы в Маркет: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/app/shell.py" line="482"/>
        <source>Reprinting label %1-%2</source>
        <translation>Перепечатываем ярлык %1-%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/app/shell.py" line="514"/>
        <source>New orders: %n</source>
        <translation>
            <numerusform>Новый заказ: %n</numerusform>
            <numerusform>Новых заказа: %n</numerusform>
            <numerusform>Новых заказов: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../packstation/app/shell.py" line="593"/>
        <source>Settings saved. Restart Packstation to apply the new store or language.</source>
        <translation>Настройки сохранены. Перезапустите Packstation, чтобы применить новый магазин или язык.</translation>
    </message>
    <message>
        <location filename="../../packstation/app/shell.py" line="596"/>
        <source>Settings saved.</source>
        <translation>Настройки сохранены.</translation>
    </message>
</context>
<context>
    <name>ShiftPanel</name>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="51"/>
        <source>Shift</source>
        <translation>Смена</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="62"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="63"/>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="64"/>
        <source>Export CSV</source>
        <translation>Экспорт CSV</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="72"/>
        <source>Packer</source>
        <translation>Упаковщик</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="73"/>
        <source>Desk</source>
        <translation>Стол</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="74"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="75"/>
        <source>Units</source>
        <translation>Единиц</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="76"/>
        <source>Codes</source>
        <translation>Кодов</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="77"/>
        <source>Refused scans</source>
        <translation>Ошибочных сканов</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="78"/>
        <source>Late</source>
        <translation>С опозданием</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="79"/>
        <source>Avg per order</source>
        <translation>Среднее на заказ</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="80"/>
        <source>Units/hour</source>
        <translation>Единиц в час</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="87"/>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="89"/>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="120"/>
        <location filename="../../packstation/ui/shift_panel.py" line="121"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shift_panel.py" line="142"/>
        <source>Saved: %1</source>
        <translation>Сохранено: %1</translation>
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
    <name>ShipmentsView</name>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="73"/>
        <source>Shipments</source>
        <translation>Отгрузки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="85"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="87"/>
        <source>Act for the nearest shipment</source>
        <translation>Акт ближайшей отгрузки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="89"/>
        <source>The Market confirms the nearest shipment past its cutoff and returns its act</source>
        <translation>Маркет подтвердит ближайшую отгрузку после отсечки и вернёт её акт</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="96"/>
        <source>Handover</source>
        <translation>Передача</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="97"/>
        <source>Destination</source>
        <translation>Куда</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="98"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="99"/>
        <source>Orders: packed / to pack / cancelled</source>
        <translation>Заказы: собрано / осталось / отменено</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="100"/>
        <source>Pallets</source>
        <translation>Палеты</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="101"/>
        <source>The Market allows</source>
        <translation>Маркет разрешает</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="112"/>
        <source>Orders still to pack (double-click to open):</source>
        <translation>Осталось собрать (двойной щелчок — открыть):</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="118"/>
        <source>Confirm shipment</source>
        <translation>Подтвердить отгрузку</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="119"/>
        <source>Print act</source>
        <translation>Печать акта</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="120"/>
        <source>Save act</source>
        <translation>Сохранить акт</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="121"/>
        <source>Save waybill (Excel)</source>
        <translation>Сохранить накладную (Excel)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="122"/>
        <source>Print inbound act</source>
        <translation>Печать акта приёмки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="123"/>
        <source>Save discrepancy act (Excel)</source>
        <translation>Сохранить акт расхождений (Excel)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="126"/>
        <source>Set pallets</source>
        <translation>Задать палеты</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="127"/>
        <source>Print pallet labels</source>
        <translation>Ярлыки палет</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="128"/>
        <source>Pick list</source>
        <translation>Лист сборки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="129"/>
        <source>Batch labels</source>
        <translation>Ярлыки пачкой</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="189"/>
        <source>Shipments from %1</source>
        <translation>Отгрузки с %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="212"/>
        <source>confirm</source>
        <translation>подтвердить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="213"/>
        <source>act</source>
        <translation>акт</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="214"/>
        <source>inbound act</source>
        <translation>акт приёмки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="215"/>
        <source>discrepancy act</source>
        <translation>акт расхождений</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="216"/>
        <source>waybill</source>
        <translation>накладная</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="217"/>
        <source>pallets</source>
        <translation>палеты</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="256"/>
        <source>Order %1</source>
        <translation>Заказ %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="322"/>
        <source>No packed orders in this shipment yet.</source>
        <translation>В этой отгрузке ещё нет собранных заказов.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="332"/>
        <source>Sent to the documents printer: %1</source>
        <translation>Отправлено на принтер документов: %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/shipments_view.py" line="335"/>
        <source>Saved: %1</source>
        <translation>Сохранено: %1</translation>
    </message>
</context>
<context>
    <name>ShortenDialog</name>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="66"/>
        <source>Shorten order %1</source>
        <translation>Сокращение заказа %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="75"/>
        <source>of %1</source>
        <translation>из %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="80"/>
        <source>Set how many units of each item stay in the order (0 removes the item).</source>
        <translation>Укажите, сколько единиц каждого товара остаётся в заказе (0 — убрать товар).</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="86"/>
        <source>I understand: removed items cannot be added back</source>
        <translation>Понимаю: убранные товары вернуть нельзя</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="89"/>
        <source>Shorten</source>
        <translation>Сократить</translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_dialogs.py" line="114"/>
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
        <location filename="../../packstation/ui/packing_dialogs.py" line="155"/>
        <source>Split into part boxes</source>
        <translation>Разделить на части</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="163"/>
        <source>Boxes per unit</source>
        <translation>Коробок на единицу</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="164"/>
        <source>Units to split</source>
        <translation>Сколько единиц разделить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/packing_dialogs.py" line="165"/>
        <source>Each unit&apos;s marking codes go into every one of its part boxes.</source>
        <translation>Коды маркировки единицы попадут в каждую из её коробок.</translation>
    </message>
</context>
<context>
    <name>StatsPanel</name>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="75"/>
        <location filename="../../packstation/ui/stats_panel.py" line="137"/>
        <source>Created</source>
        <translation>Созданы</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="76"/>
        <source>Changed</source>
        <translation>Изменены</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="87"/>
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="90"/>
        <source>Only with marking codes</source>
        <translation>Только с кодами маркировки</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="91"/>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="94"/>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="97"/>
        <source>Export CSV…</source>
        <translation>Выгрузить CSV…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="100"/>
        <source>History of the order</source>
        <translation>История заказа</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="107"/>
        <source>from</source>
        <translation>с</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="109"/>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="119"/>
        <source>The Market&apos;s statistics lag up to %1 minutes behind the orders.</source>
        <translation>Статистика Маркета отстаёт от заказов до %1 минут.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="136"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="138"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="139"/>
        <source>Items</source>
        <translation>Товары</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="140"/>
        <source>Units (initial → final)</source>
        <translation>Штук (было → стало)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="141"/>
        <source>Payments, ₽</source>
        <translation>Платежи, ₽</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="142"/>
        <source>Commissions, ₽</source>
        <translation>Комиссии, ₽</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="143"/>
        <source>Our number</source>
        <translation>Наш номер</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="161"/>
        <source>Orders per day</source>
        <translation>Заказов по дням</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="202"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="217"/>
        <source>Pages: %1, orders: %2</source>
        <translation>Страниц: %1, заказов: %2</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="244"/>
        <source>delivered</source>
        <translation>доставлены</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="245"/>
        <source>cancelled in processing</source>
        <translation>отменены при обработке</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="246"/>
        <source>cancelled before processing or in delivery</source>
        <translation>отменены до обработки или в доставке</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="247"/>
        <source>returned</source>
        <translation>возвращены</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="248"/>
        <source>lost</source>
        <translation>утеряны</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="249"/>
        <source>in progress</source>
        <translation>в работе</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="256"/>
        <source>Orders: %1</source>
        <translation>Заказов: %1</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="258"/>
        <source>Payments: %1 ₽, commissions: %2 ₽, shortened orders: %3</source>
        <translation>Платежи: %1 ₽, комиссии: %2 ₽, заказов с удалёнными товарами: %3</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="267"/>
        <source>Stopped: only the pages read so far are counted.</source>
        <translation>Остановлено: посчитаны только прочитанные страницы.</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="275"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="320"/>
        <source>Export statistics</source>
        <translation>Выгрузка статистики</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="320"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../packstation/ui/stats_panel.py" line="332"/>
        <source>Could not save the file: %1</source>
        <translation>Не удалось сохранить файл: %1</translation>
    </message>
</context>
<context>
    <name>VideoDesk</name>
    <message>
        <location filename="../../packstation/ui/video_wiring.py" line="215"/>
        <source>The camera does not work (%1); packing goes on without video.</source>
        <translation>Камера не работает (%1); упаковка продолжается без видео.</translation>
    </message>
</context>
</TS>
