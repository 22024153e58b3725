import { createRouter, createWebHashHistory } from 'vue-router';
import { session, loadMe, whenLoggedOut } from './api.js';
import Login from './views/Login.vue';
import Layout from './views/Layout.vue';
import CaseList from './views/CaseList.vue';
import StartList from './views/StartList.vue';
import StartForm from './views/StartForm.vue';
import CaseView from './views/CaseView.vue';
import TaskWork from './views/TaskWork.vue';
import Messages from './views/Messages.vue';

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/login', component: Login, meta: { title: '登录', open: true } },
    {
      path: '/', component: Layout, children: [
        { path: '', redirect: '/todo' },
        { path: 'todo', component: CaseList, props: { kind: 'todo' }, meta: { title: '待办' } },
        { path: 'done', component: CaseList, props: { kind: 'done' }, meta: { title: '已办' } },
        { path: 'started', component: CaseList, props: { kind: 'started' }, meta: { title: '我发起的' } },
        { path: 'cc', component: CaseList, props: { kind: 'cc' }, meta: { title: '抄送我的' } },
        { path: 'start', component: StartList, meta: { title: '发起' } },
        { path: 'start/:definitionId', component: StartForm, props: true, meta: { title: '发起申请' } },
        { path: 'case/:businessKey', component: CaseView, props: true, meta: { title: '案件' } },
        { path: 'task/:taskId', component: TaskWork, props: true, meta: { title: '办理' } },
        { path: 'messages', component: Messages, meta: { title: '消息' } },
      ],
    },
    { path: '/:rest(.*)', redirect: '/todo' },
  ],
});

router.beforeEach(async (to) => {
  if (!session.checked) await loadMe();
  if (!to.meta.open && !session.user) return { path: '/login', query: { next: to.fullPath } };
  return true;
});

router.afterEach((to) => {
  document.title = `${to.meta.title || '工作台'} - 汾河工作台`;
});

whenLoggedOut(() => {
  if (router.currentRoute.value.path !== '/login') {
    router.push({ path: '/login', query: { next: router.currentRoute.value.fullPath } });
  }
});
