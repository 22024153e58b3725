// 汾河工作台: Vue 3 + Element Plus, in Chinese (Element Plus's zh-cn locale), hash routing under /fenhe/.
import { createApp } from 'vue';
import ElementPlus from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import 'element-plus/dist/index.css';
import App from './App.vue';
import { router } from './router.js';
import './workbench.css';

createApp(App).use(ElementPlus, { locale: zhCn }).use(router).mount('#app');
