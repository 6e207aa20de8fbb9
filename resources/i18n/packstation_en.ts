<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AppStatusBar</name>
    <message numerus="yes">
        <location filename="../../packstation/ui/status_bar.py" line="82"/>
        <source>Orders: %n</source>
        <translation>
            <numerusform>Orders: %n</numerusform>
            <numerusform>Orders: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_models.py" line="269"/>
        <source>parcels in boxes: %1 of %n</source>
        <translation>
            <numerusform>parcels in boxes: %1 of %n</numerusform>
            <numerusform>parcels in boxes: %1 of %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_models.py" line="281"/>
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
        <location filename="../../packstation/ui/order_history_view.py" line="112"/>
        <source>History of order %1 at all desks: %n records</source>
        <translation>
            <numerusform>History of order %1 at all desks: %n record</numerusform>
            <numerusform>History of order %1 at all desks: %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/order_history_view.py" line="116"/>
        <source>History of order %1: %n records</source>
        <translation>
            <numerusform>History of order %1: %n record</numerusform>
            <numerusform>History of order %1: %n records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackingView</name>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_view.py" line="438"/>
        <source>%1: parcel %2 of %n packed — scan the next parcel</source>
        <translation>
            <numerusform>%1: parcel %2 of %n packed — scan the next parcel</numerusform>
            <numerusform>%1: parcel %2 of %n packed — scan the next parcel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_view.py" line="442"/>
        <source>Packing: %1 of %n units in boxes</source>
        <translation>
            <numerusform>Packing: %1 of %n unit in boxes</numerusform>
            <numerusform>Packing: %1 of %n units in boxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_view.py" line="526"/>
        <source>%1: parcel %2 of %n → box %3</source>
        <translation>
            <numerusform>%1: parcel %2 of %n → box %3</numerusform>
            <numerusform>%1: parcel %2 of %n → box %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_view.py" line="535"/>
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
        <location filename="../../packstation/app/packing.py" line="198"/>
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
        <location filename="../../packstation/app/shell.py" line="383"/>
        <source>…and %n more</source>
        <translation>
            <numerusform>…and %n more</numerusform>
            <numerusform>…and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/app/shell.py" line="387"/>
        <source>Changes from an earlier session reached the Market: %n</source>
        <translation>
            <numerusform>Changes from an earlier session reached the Market: %n</numerusform>
            <numerusform>Changes from an earlier session reached the Market: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../packstation/app/shell.py" line="483"/>
        <source>New orders: %n</source>
        <translation>
            <numerusform>New orders: %n</numerusform>
            <numerusform>New orders: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortenDialog</name>
    <message numerus="yes">
        <location filename="../../packstation/ui/packing_dialogs.py" line="114"/>
        <source>The Market will accept this: %n unit(s) removed.</source>
        <translation>
            <numerusform>The Market will accept this: %n unit removed.</numerusform>
            <numerusform>The Market will accept this: %n units removed.</numerusform>
        </translation>
    </message>
</context>
</TS>
