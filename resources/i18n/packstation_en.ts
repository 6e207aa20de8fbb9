<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AppStatusBar</name>
    <message numerus="yes">
        <location filename="../../packstation/ui/status_bar.py" line="84"/>
        <source>Orders: %n</source>
        <translation>
            <numerusform>Orders: %n</numerusform>
            <numerusform>Orders: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/status_bar.py" line="92"/>
        <source>Today: %n due</source>
        <translation>
            <numerusform>Today: %n due</numerusform>
            <numerusform>Today: %n due</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/status_bar.py" line="93"/>
        <source>%n packed</source>
        <translation>
            <numerusform>%n packed</numerusform>
            <numerusform>%n packed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/status_bar.py" line="94"/>
        <source>%n late</source>
        <translation>
            <numerusform>%n late</numerusform>
            <numerusform>%n late</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_models.py" line="299"/>
        <source>parcels in boxes: %1 of %n</source>
        <translation>
            <numerusform>parcels in boxes: %1 of %n</numerusform>
            <numerusform>parcels in boxes: %1 of %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_models.py" line="323"/>
        <source>%n parcels per unit</source>
        <translation>
            <numerusform>%n parcel per unit</numerusform>
            <numerusform>%n parcels per unit</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrderHistoryView</name>
    <message numerus="yes">
        <location filename="../../packstation/ui/order_history_view.py" line="129"/>
        <source>History of order %1 at all desks: %n records</source>
        <translation>
            <numerusform>History of order %1 at all desks: %n record</numerusform>
            <numerusform>History of order %1 at all desks: %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/order_history_view.py" line="133"/>
        <source>History of order %1: %n records</source>
        <translation>
            <numerusform>History of order %1: %n record</numerusform>
            <numerusform>History of order %1: %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/order_history_view.py" line="220"/>
        <source>Unreadable clips skipped: %n.</source>
        <translation>
            <numerusform>Unreadable clip skipped: %n.</numerusform>
            <numerusform>Unreadable clips skipped: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackingView</name>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_view.py" line="490"/>
        <source>(then %n more)</source>
        <translation>
            <numerusform>(then %n more)</numerusform>
            <numerusform>(then %n more)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_view.py" line="496"/>
        <source>%1: parcel %2 of %n packed — scan the next parcel</source>
        <translation>
            <numerusform>%1: parcel %2 of %n packed — scan the next parcel</numerusform>
            <numerusform>%1: parcel %2 of %n packed — scan the next parcel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_view.py" line="493"/>
        <location filename="../../packstation/ui/packing_view.py" line="500"/>
        <source>Packing: %1 of %n units in boxes</source>
        <translation>
            <numerusform>Packing: %1 of %n unit in boxes</numerusform>
            <numerusform>Packing: %1 of %n units in boxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_view.py" line="605"/>
        <source>%1: parcel %2 of %n → box %3</source>
        <translation>
            <numerusform>%1: parcel %2 of %n → box %3</numerusform>
            <numerusform>%1: parcel %2 of %n → box %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_view.py" line="617"/>
        <source>code for %1, unit %2: it goes into all %n of its parcels</source>
        <translation>
            <numerusform>code for %1, unit %2: it goes into all %n of its parcels</numerusform>
            <numerusform>code for %1, unit %2: it goes into all %n of its parcels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackingWiring</name>
    <message numerus="yes">
        <location filename="../../packstation/app/packing.py" line="233"/>
        <source>%n damaged line(s) in the journal of order %1 were set aside (kept for support, see History); the rest of the work was restored.</source>
        <translation>
            <numerusform>%n damaged line in the journal of order %1 was set aside (kept for support, see History); the rest of the work was restored.</numerusform>
            <numerusform>%n damaged lines in the journal of order %1 were set aside (kept for support, see History); the rest of the work was restored.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message numerus="yes">
        <location filename="../../packstation/app/shell.py" line="454"/>
        <source>…and %n more</source>
        <translation>
            <numerusform>…and %n more</numerusform>
            <numerusform>…and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/app/shell.py" line="458"/>
        <source>%n change(s) from an earlier session reached the Market.</source>
        <translation>
            <numerusform>%n change from an earlier session reached the Market.</numerusform>
            <numerusform>%n changes from an earlier session reached the Market.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/app/shell.py" line="557"/>
        <source>%n new order(s) arrived.</source>
        <translation>
            <numerusform>%n new order arrived.</numerusform>
            <numerusform>%n new orders arrived.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortenDialog</name>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_dialogs.py" line="117"/>
        <source>Allowed by the rules known here: the Market is asked to remove %n unit(s).</source>
        <translation>
            <numerusform>Allowed by the rules known here: the Market is asked to remove %n unit.</numerusform>
            <numerusform>Allowed by the rules known here: the Market is asked to remove %n units.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatsPanel</name>
    <message numerus="yes">
        <location filename="../../packstation/ui/stats_panel.py" line="119"/>
        <source>The Market&apos;s statistics lag up to %n minute(s) behind the orders.</source>
        <translation>
            <numerusform>The Market&apos;s statistics lag up to %n minute behind the orders.</numerusform>
            <numerusform>The Market&apos;s statistics lag up to %n minutes behind the orders.</numerusform>
        </translation>
    </message>
</context>
</TS>
