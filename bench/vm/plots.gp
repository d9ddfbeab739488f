# SPDX-License-Identifier: GPL-2.0
#
# The scaling curves of the VM benchmark, from the data files
# bench/vm/report writes: gnuplot -e "dir='DATA'; out='OUT'" plots.gp

set terminal pngcairo size 800,500 font ",10" noenhanced
set grid
set key top left
set logscale x 2

set output out.'/control.png'
set title 'Create+delete of N interfaces on a dummy NIC'
set xlabel 'N'
set ylabel 'cycles per second'
plot dir.'/control.dat' using 1:2 with linespoints title 'nvirt soft VIF (libnvirt)', \
     '' using 1:3 with linespoints title 'macvlan (rtnetlink)'

set output out.'/dump.png'
set title 'Dump of N interfaces: cost per entry'
set ylabel 'microseconds per entry'
set y2label 'kernel memory (MiB)'
set y2tics
plot dir.'/dump-nvirt.dat' using 1:2 with linespoints title 'nvirt VIF dump', \
     dir.'/dump-macvlan.dat' using 1:2 with linespoints title 'RTM_GETLINK dump of macvlans', \
     dir.'/dump-nvirt.dat' using 1:3 axes x1y2 with lines dashtype 2 title 'memory, VIFs', \
     dir.'/dump-macvlan.dat' using 1:3 axes x1y2 with lines dashtype 2 title 'memory, macvlans'
unset y2label
unset y2tics

set output out.'/shared.png'
set title 'N senders on one parent queue (60-byte frames)'
set xlabel 'senders'
set ylabel 'packets per second, all senders'
set yrange [0:*]
plot dir.'/shared.dat' using 1:2 with linespoints title 'soft VIFs: speculative ring', \
     '' using 1:3 with linespoints title 'macvlans: the qdisc lock'
